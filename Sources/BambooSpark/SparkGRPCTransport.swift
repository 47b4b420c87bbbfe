#if Spark
import BambooCore
import GRPCCore
import GRPCNIOTransportHTTP2Posix

extension SparkConnectionString {
    /// The HTTP/2 transport for this endpoint: an address literal is used as is, a name goes through
    /// DNS; TLS with the system's roots (or the configured PEM file) when ``usesTLS``.
    func makeTransport(_ configuration: SparkClientConfiguration) throws -> HTTP2ClientTransport.Posix {
        let target: any ResolvableTarget
        if host.contains(":") {
            target = .ipv6(address: host, port: port)
        } else if host.split(separator: ".").count == 4, host.allSatisfy({ $0 == "." || $0.isNumber }) {
            target = .ipv4(address: host, port: port)
        } else {
            target = .dns(host: host, port: port)
        }

        let security: HTTP2ClientTransport.Posix.TransportSecurity
        if usesTLS {
            let pemFile = configuration.trustedCertificatesPEMFile
            security = .tls { tls in
                if let pemFile { tls.trustRoots = .certificates([.file(path: pemFile, format: .pem)]) }
            }
        } else {
            security = .plaintext
        }

        do {
            return try HTTP2ClientTransport.Posix(target: target, transportSecurity: security)
        } catch {
            throw BambooError(.backendError, "Could not set up the connection to \(self): \(error).")
        }
    }

    /// The headers every call carries: the bearer token and the connection string's extra parameters.
    var requestMetadata: Metadata {
        var metadata = Metadata()
        if let token { metadata.addString("Bearer \(token)", forKey: "authorization") }
        for (key, value) in headers.sorted(by: { $0.key < $1.key }) { metadata.addString(value, forKey: key) }
        return metadata
    }
}
#endif
