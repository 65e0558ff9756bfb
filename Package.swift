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
        .executableTarget(name: "disclose", dependencies: ["DisclosureKit"], path: "Sources/disclose"),
        .testTarget(
            name: "DisclosureKitTests",
            dependencies: ["DisclosureKit"],
            path: "Tests/DisclosureKitTests",
            exclude: ["Golden", "Fixtures"]
        ),
    ]
)
