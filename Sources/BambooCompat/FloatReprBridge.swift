import Bamboo

/// Python's float repr, from BambooCore (re-exported by Bamboo).
enum FloatReprBridge {
    static func repr(_ d: Double) -> String { FloatFormatter.repr(d) }
}
