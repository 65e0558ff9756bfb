// swift-tools-version:6.0
import PackageDescription

// Disclose builds on the Swift toolchain alone: no package dependencies.
let package = Package(
    name: "Disclose",
    products: [
        .executable(name: "disclose", targets: ["disclose"]),
        .library(name: "DisclosureKit", targets: ["DisclosureKit"]),
    ],
    targets: [
        .target(name: "DisclosureKit", path: "Sources/DisclosureKit"),
        // One C function: the allocator settings a build runs best with (glibc's mallopt).
        .target(name: "AllocatorTuning", path: "Sources/AllocatorTuning"),
        .executableTarget(name: "disclose", dependencies: ["DisclosureKit", "AllocatorTuning"], path: "Sources/disclose"),
        .testTarget(
            name: "DisclosureKitTests",
            dependencies: ["DisclosureKit"],
            path: "Tests/DisclosureKitTests",
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
