/// How the checks compare names and labels.

/// Names compared without the blanks PDF converters scatter through them.
func squeezed(_ s: String) -> String {
    String(String.UnicodeScalarView(s.unicodeScalars.filter { !$0.properties.isWhitespace }))
}

extension String {
    /// Substring test on UTF-8 bytes: Foundation's `contains` folds Unicode on every call, which the
    /// checks, testing hundreds of labels per disclosure, cannot afford.
    func has(_ needle: String) -> Bool {
        var haystack = self, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard !n.isEmpty else { return true }
                guard h.count >= n.count else { return false }
                outer: for i in 0...(h.count - n.count) where h[i] == n[0] {
                    for j in 1..<n.count where h[i + j] != n[j] { continue outer }
                    return true
                }
                return false
            }
        }
    }
}
