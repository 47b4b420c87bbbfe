#if Spark
import BambooCore
import Foundation
import Testing
@testable import BambooSpark

@Suite struct SparkConnectionStringTests {
    @Test(arguments: [
        ("sc://localhost", "localhost", 15002),
        ("sc://localhost/", "localhost", 15002),
        ("sc://127.0.0.1:15003", "127.0.0.1", 15003),
        ("sc://127.0.0.1:15003/", "127.0.0.1", 15003),
        ("sc://spark.example.com:443/;use_ssl=true", "spark.example.com", 443),
        ("sc://[::1]", "::1", 15002),
        ("sc://[::1]:15010/", "::1", 15010),
        ("sc://[2001:db8::7]:1/", "2001:db8::7", 1),
        ("sc://my_host-1.internal:65535", "my_host-1.internal", 65535),
    ])
    func hostAndPort(text: String, host: String, port: Int) throws {
        let parsed = try SparkConnectionString(text)
        #expect(parsed.host == host)
        #expect(parsed.port == port)
        #expect(parsed.token == nil)
        #expect(parsed.headers.isEmpty)
    }

    @Test func everyParameterOfTheSpecification() throws {
        let parsed = try SparkConnectionString(
            "sc://spark.example.com:443/;token=abc%3D%3D;use_ssl=true;user_id=Martin;user_agent=my_app;session_id=550E8400-E29B-41D4-A716-446655440000")
        #expect(parsed.token == "abc==")
        #expect(parsed.useSSL == true)
        #expect(parsed.usesTLS)
        #expect(parsed.userID == "Martin")
        #expect(parsed.userAgent == "my_app")
        #expect(parsed.sessionID == UUID(uuidString: "550e8400-e29b-41d4-a716-446655440000"))
    }

    @Test func unknownParametersBecomeHeaders() throws {
        let parsed = try SparkConnectionString("sc://h/;x-tenant=blue;trace.id=7;")
        #expect(parsed.headers == ["x-tenant": "blue", "trace.id": "7"])
        #expect(parsed.requestMetadata[stringValues: "x-tenant"].map { $0 } == ["blue"])
    }

    @Test func aTokenIsSentAsABearerHeaderAndImpliesTLSOffLoopback() throws {
        let remote = try SparkConnectionString("sc://spark.example.com/;token=secret")
        #expect(remote.usesTLS)
        #expect(remote.requestMetadata[stringValues: "authorization"].map { $0 } == ["Bearer secret"])
        #expect(try !SparkConnectionString("sc://localhost/;token=secret").usesTLS)
        #expect(try !SparkConnectionString("sc://127.0.0.1/;token=secret;use_ssl=false").usesTLS)
        #expect(try SparkConnectionString("sc://localhost/;token=secret;use_ssl=true").usesTLS)
        #expect(try !SparkConnectionString("sc://spark.example.com/").usesTLS)
        #expect(try !SparkConnectionString("sc://[::1]/;token=x").usesTLS)
    }

    @Test func theDescriptionHidesTheToken() throws {
        let parsed = try SparkConnectionString("sc://h:1/;token=secret;user_id=u")
        #expect(parsed.description == "sc://h:1/;token=***;user_id=u")
        #expect(!parsed.description.contains("secret"))
        #expect(try SparkConnectionString("sc://[::1]:2").description == "sc://[::1]:2/")
    }

    @Test(arguments: [
        ("localhost:15002", "must start with 'sc://'"),
        ("http://localhost:15002", "must start with 'sc://'"),
        ("sc://", "host is missing"),
        ("sc://:15002", "host is missing"),
        ("sc://host:", "port after ':' is empty"),
        ("sc://host:0", "from 1 to 65535"),
        ("sc://host:65536", "from 1 to 65535"),
        ("sc://host:99999999999999999999", "from 1 to 65535"),
        ("sc://host:-1", "from 1 to 65535"),
        ("sc://host:15a", "from 1 to 65535"),
        ("sc://host: 1", "from 1 to 65535"),
        ("sc://::1:15002", "IPv6 address must be written in brackets"),
        ("sc://[::1", "no closing ']'"),
        ("sc://[::1]15002", "after the IPv6 address"),
        ("sc://[nothex]:1", "is not an IPv6 address"),
        ("sc://[]:1", "is not an IPv6 address"),
        ("sc://ho st", "contains ' '"),
        ("sc://user@host", "user information"),
        ("sc://host/path", "path must be empty"),
        ("sc://host:443/mypathprefix/;token=AAAAAAA", "path must be empty"),
        ("sc://host;token=x", "parameters must follow '/;'"),
        ("sc://host/?token=x", "'?' is not allowed"),
        ("sc://host/#frag", "'#' is not allowed"),
        ("sc://host/;token", "must be written key=value"),
        ("sc://host/;=x", "has no name"),
        ("sc://host/;token=", "'token' is empty"),
        ("sc://host/;use_ssl=yes", "'use_ssl' must be true or false"),
        ("sc://host/;session_id=42", "'session_id' must be a UUID"),
        ("sc://host/;user_id=a;user_id=b", "given twice"),
        ("sc://host/;user_id=%zz", "malformed percent-encoding"),
        ("sc://host/;Bad Header=1", "cannot be a gRPC header"),
        ("sc://spark.example.com/;token=x;use_ssl=false", "only sent over TLS"),
    ])
    func invalidStringsSayWhatIsWrong(text: String, problem: String) {
        do {
            let parsed = try SparkConnectionString(text)
            Issue.record("'\(text)' parsed as \(parsed)")
        } catch let error as BambooError {
            #expect(error.code == .invalidArgument)
            #expect(error.message.contains(problem), "\(error.message)")
        } catch {
            Issue.record("unexpected \(error)")
        }
    }

    @Test func errorsNeverShowTheToken() {
        #expect(throws: BambooError.self) { try SparkConnectionString("sc://h/;token=topsecret;use_ssl=maybe") }
        do {
            _ = try SparkConnectionString("sc://h/;token=topsecret;use_ssl=maybe")
        } catch {
            #expect(!"\(error)".contains("topsecret"))
        }
    }
}
#endif
