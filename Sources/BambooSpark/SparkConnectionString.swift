#if Spark
import BambooCore
import Foundation

/// A Spark Connect connection string, `sc://host:port/;key=value;...`, parsed as Spark Connect
/// defines it: scheme `sc`, a host name, IPv4 address or bracketed IPv6 address, port 15002 unless
/// given, an empty path, and parameters after `/;` whose values may be percent-encoded.
///
/// ```swift
/// let target = try SparkConnectionString("sc://spark.example.com:443/;use_ssl=true;token=abc")
/// ```
///
/// Parameters: `token` (bearer token; implies TLS unless the host is loopback), `use_ssl`
/// (`true`/`false`), `user_id`, `user_agent`, `session_id` (a UUID, to share a server session).
/// Any other parameter is sent as a gRPC header on every call, as Spark's own clients do.
/// Parameter names are case-sensitive. A malformed string throws ``BambooError`` with code
/// `invalidArgument` naming the part that is wrong.
public struct SparkConnectionString: Sendable, Hashable, CustomStringConvertible {
    /// The port a Spark Connect server listens on unless configured otherwise.
    public static let defaultPort = 15002

    /// The host name or address, without the brackets of an IPv6 literal.
    public var host: String
    public var port: Int
    /// Sent as `authorization: Bearer <token>`.
    public var token: String?
    /// `use_ssl` as written; nil when absent. See ``usesTLS`` for the effective choice.
    public var useSSL: Bool?
    /// Put in every request's `UserContext`.
    public var userID: String?
    /// Reported to the server as the client type.
    public var userAgent: String?
    /// Joins an existing server session instead of starting a new one.
    public var sessionID: UUID?
    /// Parameters that are not part of the specification, sent as gRPC headers.
    public var headers: [String: String]

    /// Whether the connection is encrypted: `use_ssl=true`, or a token on a non-loopback host
    /// (a token must not cross a network in clear text; on loopback it never leaves the machine,
    /// which is how a local server with `spark.connect.authenticate.token` is reached).
    public var usesTLS: Bool {
        if let useSSL { return useSSL }
        return token != nil && !isLoopback
    }

    /// `localhost`, `127.0.0.0/8` or `::1`.
    public var isLoopback: Bool {
        let lowered = host.lowercased()
        return lowered == "localhost" || lowered == "::1" || lowered.hasPrefix("127.")
    }

    public init(host: String, port: Int = SparkConnectionString.defaultPort, token: String? = nil, useSSL: Bool? = nil,
                userID: String? = nil, userAgent: String? = nil, sessionID: UUID? = nil, headers: [String: String] = [:]) {
        self.host = host
        self.port = port
        self.token = token
        self.useSSL = useSSL
        self.userID = userID
        self.userAgent = userAgent
        self.sessionID = sessionID
        self.headers = headers
    }

    /// Parses `text`; throws `invalidArgument` saying what is wrong.
    public init(_ text: String) throws {
        let scheme = "sc://"
        guard text.hasPrefix(scheme) else {
            throw Self.invalid(text, "it must start with 'sc://'")
        }
        var rest = Substring(text.dropFirst(scheme.count))
        if let forbidden = rest.firstIndex(where: { $0 == "?" || $0 == "#" }) {
            throw Self.invalid(text, "'\(rest[forbidden])' is not allowed; parameters follow '/;' as in 'sc://host:15002/;token=...'")
        }

        // The authority ends at the first '/'; a ';' before it means the '/' was left out.
        let authorityEnd = rest.firstIndex(of: "/") ?? rest.endIndex
        let authority = rest[..<authorityEnd]
        rest = rest[authorityEnd...]
        if authority.contains(";") {
            throw Self.invalid(text, "parameters must follow '/;', as in 'sc://host:15002/;token=...'")
        }
        if authority.contains("@") {
            throw Self.invalid(text, "user information before the host is not supported; use ';user_id=...' or ';token=...'")
        }
        let (host, port) = try Self.parseAuthority(authority, in: text)

        // The path must be empty: nothing but an optional '/' before the parameters.
        if rest.hasPrefix("/") { rest = rest.dropFirst() }
        let parameterText: Substring
        if rest.isEmpty {
            parameterText = ""
        } else if rest.hasPrefix(";") {
            parameterText = rest.dropFirst()
        } else {
            let path = rest.prefix { $0 != ";" }
            throw Self.invalid(text, "the path must be empty, found '/\(path)'; parameters follow '/;'")
        }

        self.init(host: host, port: port)
        var seen = Set<String>()
        for field in parameterText.split(separator: ";", omittingEmptySubsequences: true) {
            guard let equals = field.firstIndex(of: "=") else {
                throw Self.invalid(text, "parameter '\(field)' must be written key=value")
            }
            let key = String(field[..<equals])
            guard !key.isEmpty else { throw Self.invalid(text, "parameter '\(field)' has no name") }
            guard seen.insert(key).inserted else { throw Self.invalid(text, "parameter '\(key)' is given twice") }
            guard let value = String(field[field.index(after: equals)...]).removingPercentEncoding else {
                throw Self.invalid(text, "the value of '\(key)' has a malformed percent-encoding")
            }
            try apply(key: key, value: value, in: text)
        }
        if token != nil, useSSL == false, !isLoopback {
            throw Self.invalid(text, "a token is only sent over TLS to a host that is not loopback; remove 'use_ssl=false'")
        }
    }

    private mutating func apply(key: String, value: String, in text: String) throws {
        switch key {
        case "token":
            guard !value.isEmpty else { throw Self.invalid(text, "'token' is empty") }
            token = value
        case "use_ssl":
            switch value.lowercased() {
            case "true": useSSL = true
            case "false": useSSL = false
            default: throw Self.invalid(text, "'use_ssl' must be true or false, found '\(value)'")
            }
        case "user_id":
            userID = value
        case "user_agent":
            userAgent = value
        case "session_id":
            guard let uuid = UUID(uuidString: value) else {
                throw Self.invalid(text, "'session_id' must be a UUID such as 550e8400-e29b-41d4-a716-446655440000, found '\(value)'")
            }
            sessionID = uuid
        default:
            // gRPC header names are lowercase tokens; anything else would be rejected by the transport.
            let allowed = Set("abcdefghijklmnopqrstuvwxyz0123456789-_.")
            guard key.allSatisfy({ allowed.contains($0) }) else {
                throw Self.invalid(text, "parameter '\(key)' is not a known option and cannot be a gRPC header (use lowercase letters, digits, '-', '_', '.')")
            }
            headers[key] = value
        }
    }

    /// `host`, `host:port`, `[v6]` or `[v6]:port`.
    private static func parseAuthority(_ authority: Substring, in text: String) throws -> (String, Int) {
        let host: Substring
        let portText: Substring?
        if authority.hasPrefix("[") {
            guard let close = authority.firstIndex(of: "]") else {
                throw invalid(text, "the IPv6 address has no closing ']'")
            }
            host = authority[authority.index(after: authority.startIndex)..<close]
            let after = authority[authority.index(after: close)...]
            if after.isEmpty {
                portText = nil
            } else if after.hasPrefix(":") {
                portText = after.dropFirst()
            } else {
                throw invalid(text, "unexpected '\(after)' after the IPv6 address; write '[address]:port'")
            }
            let hexOrColon = Set("0123456789abcdefABCDEF:.")
            guard host.contains(":"), host.allSatisfy({ hexOrColon.contains($0) }) else {
                throw invalid(text, "'[\(host)]' is not an IPv6 address")
            }
        } else {
            let parts = authority.split(separator: ":", omittingEmptySubsequences: false)
            if parts.count > 2 {
                throw invalid(text, "an IPv6 address must be written in brackets, as in 'sc://[::1]:15002'")
            }
            host = parts[0]
            portText = parts.count == 2 ? parts[1] : nil
            let hostCharacters = Set("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789-._")
            if let bad = host.first(where: { !hostCharacters.contains($0) }) {
                throw invalid(text, "the host '\(host)' contains '\(bad)'; a host is a name, an IPv4 address or a bracketed IPv6 address")
            }
        }
        guard !host.isEmpty else { throw invalid(text, "the host is missing, as in 'sc://localhost:15002'") }

        guard let portText else { return (String(host), defaultPort) }
        guard !portText.isEmpty else { throw invalid(text, "the port after ':' is empty") }
        guard portText.allSatisfy({ $0.isASCII && $0.isNumber }), let port = Int(portText), (1...65_535).contains(port) else {
            throw invalid(text, "the port must be a number from 1 to 65535, found '\(portText)'")
        }
        return (String(host), port)
    }

    private static func invalid(_ text: String, _ problem: String) -> BambooError {
        BambooError(.invalidArgument, "Invalid Spark Connect connection string '\(redacted(text))': \(problem).")
    }

    /// The text with the token's value hidden, so errors and logs never show a secret.
    private static func redacted(_ text: String) -> String {
        guard let range = text.range(of: ";token=") else { return text }
        let valueEnd = text[range.upperBound...].firstIndex(of: ";") ?? text.endIndex
        return text[..<range.upperBound] + "***" + text[valueEnd...]
    }

    /// The canonical string, with the token hidden.
    public var description: String {
        var text = "sc://" + (host.contains(":") ? "[\(host)]" : host) + ":\(port)/"
        var parameters: [String] = []
        if token != nil { parameters.append("token=***") }
        if let useSSL { parameters.append("use_ssl=\(useSSL)") }
        if let userID { parameters.append("user_id=\(userID)") }
        if let userAgent { parameters.append("user_agent=\(userAgent)") }
        if let sessionID { parameters.append("session_id=\(sessionID.uuidString.lowercased())") }
        parameters += headers.keys.sorted().map { "\($0)=\(headers[$0] ?? "")" }
        if !parameters.isEmpty { text += ";" + parameters.joined(separator: ";") }
        return text
    }
}
#endif
