/// The one error type Bamboo throws.
///
/// Every failure a user can cause (an unknown column, a bad argument, a value that does not fit a
/// dtype, a dead server) arrives as a `BambooError` whose ``message`` says what went wrong and what
/// to do about it. Switch on ``code`` to handle a kind of failure:
///
/// ```swift
/// do { _ = try df["prce"] }
/// catch let error as BambooError where error.code == .columnNotFound {
///     print(error.suggestions)   // ["price"]
/// }
/// ```
///
/// pandas raises `KeyError`, `IndexError`, `ValueError` and `TypeError` for these; ``Code/pandasException``
/// names the pandas exception each code corresponds to.
public struct BambooError: Error, Sendable, Hashable, CustomStringConvertible {
    /// What kind of failure this is. New codes may be added; switch with a `default`.
    public struct Code: Hashable, Sendable, CustomStringConvertible {
        fileprivate enum Base: String, Hashable, Sendable {
            case columnNotFound, keyNotFound, indexOutOfBounds, typeMismatch, shapeMismatch
            case invalidArgument, castFailed, parseError, limitExceeded, unsupportedOnBackend
            case backendError, internalInvariant, io
        }
        fileprivate let base: Base

        /// A column label that is not in the frame (pandas: `KeyError`).
        public static let columnNotFound = Code(base: .columnNotFound)
        /// A row label missing from the index (pandas: `KeyError`).
        public static let keyNotFound = Code(base: .keyNotFound)
        /// A position outside the rows or columns (pandas: `IndexError`).
        public static let indexOutOfBounds = Code(base: .indexOutOfBounds)
        /// An operation applied to a dtype that does not support it (pandas: `TypeError`).
        public static let typeMismatch = Code(base: .typeMismatch)
        /// Lengths or shapes that do not line up (pandas: `ValueError`).
        public static let shapeMismatch = Code(base: .shapeMismatch)
        /// An argument outside what the method accepts (pandas: `ValueError`).
        public static let invalidArgument = Code(base: .invalidArgument)
        /// A value that cannot be converted to the requested dtype (pandas: `ValueError`).
        public static let castFailed = Code(base: .castFailed)
        /// Malformed input text, e.g. a CSV file (pandas: `ParserError`, a `ValueError`).
        public static let parseError = Code(base: .parseError)
        /// A result larger than the session's collection limit.
        public static let limitExceeded = Code(base: .limitExceeded)
        /// The backend cannot run this operation; another backend can.
        public static let unsupportedOnBackend = Code(base: .unsupportedOnBackend)
        /// The backend or server failed; ``BambooError/serverErrorClass`` carries Spark's error class.
        public static let backendError = Code(base: .backendError)
        /// A broken internal invariant: a bug in Bamboo. Please report it.
        public static let internalInvariant = Code(base: .internalInvariant)
        /// Reading or writing a file failed.
        public static let io = Code(base: .io)

        public var description: String { base.rawValue }

        /// The pandas exception class raised for the same failure.
        public var pandasException: String {
            switch base {
            case .columnNotFound, .keyNotFound: return "KeyError"
            case .indexOutOfBounds: return "IndexError"
            case .typeMismatch: return "TypeError"
            case .shapeMismatch, .invalidArgument, .castFailed, .parseError: return "ValueError"
            case .limitExceeded, .unsupportedOnBackend, .backendError, .internalInvariant: return "RuntimeError"
            case .io: return "OSError"
            }
        }
    }

    public var code: Code
    /// What happened and what to do, in one or two sentences.
    public var message: String
    /// Close matches for a misspelt name, best first.
    public var suggestions: [String]
    /// Spark's error class (e.g. `DIVIDE_BY_ZERO`) when a Spark server raised the error.
    public var serverErrorClass: String?
    /// The SQL state (e.g. `42P01`) when a Spark server raised the error with one.
    public var sqlState: String?

    public init(_ code: Code, _ message: String, suggestions: [String] = [], serverErrorClass: String? = nil,
                sqlState: String? = nil) {
        self.code = code
        self.message = message
        self.suggestions = suggestions
        self.serverErrorClass = serverErrorClass
        self.sqlState = sqlState
    }

    public var description: String {
        var text = "\(code): \(message)"
        if !suggestions.isEmpty {
            text += " Did you mean " + suggestions.map { "'\($0)'" }.joined(separator: ", ") + "?"
        }
        if let serverErrorClass { text += " [\(serverErrorClass)]" }
        if let sqlState { text += " (SQLSTATE \(sqlState))" }
        return text
    }
}

extension BambooError {
    /// An unknown column, with close matches among `available`.
    public static func columnNotFound(_ name: String, available: [String]) -> BambooError {
        let close = ClosestNames.rank(name, among: available)
        let listed = available.prefix(8).map { "'\($0)'" }.joined(separator: ", ")
        return BambooError(
            .columnNotFound,
            "Column '\(name)' not found. The frame has \(available.count) column(s): \(listed)\(available.count > 8 ? ", ..." : "").",
            suggestions: close)
    }

    /// An invariant that user input cannot break was broken.
    public static func invariant(_ what: String) -> BambooError {
        BambooError(.internalInvariant, "\(what). This is a bug in Bamboo; please report it with the code that triggered it.")
    }
}
