#if Spark
import Foundation
import Testing
@testable import BambooCore
@testable import BambooSpark

/// The Java patterns for `to_datetime(format=)` accept exactly the texts the eager reader
/// (``DatetimeText``) accepts, checked with ICU's matcher, whose syntax for these constructs
/// (possessive quantifiers, atomic groups, `\x{...}`, `\z`) is Java's. No server needed.
@Suite struct SparkStrptimePatternTests {
    static let samples: [(format: String, texts: [String])] = [
        ("%d/%m/%Y %H:%M", ["01/02/2024 10:30", "1/2/2024 9:05", "31/12/1999 23:59", "01/02/2024", "01-02-2024 10:30", "001/02/2024 10:30", "01/02/2024 10:30 "]),
        ("%d %b %Y", ["03 Jan 2024", "3 jan 2024", "15 December 1999", "15 Dec 1999", "15 Decem 1999", "15 Foo 1999"]),
        ("%d %B %Y", ["15 December 1999", "15 Dec 1999", "15 decembre 1999", "1 May 2020"]),
        ("%I:%M %p %y-%m-%d", ["07:45 PM 24-01-05", "12:00 AM 99-12-31", "7:45 pm 24-1-5", "07:45 XM 24-01-05"]),
        ("%Y%m%dT%H%M%S.%f", ["20240105T101112.250", "19991231T000000.000001", "20240105T101112.", "20240105T101112.1234567890"]),
        ("%Y-%m-%dT%H:%M:%S%z", ["2024-01-01T10:00:00+02:00", "2024-01-01T10:00:00+0200", "2024-01-01T10:00:00Z", "2024-01-01T10:00:00+2:00"]),
        ("100%% %Y", ["100% 2024", "100 2024"]),
    ]

    @Test func patternsAcceptWhatTheEagerReaderAccepts() throws {
        for (format, texts) in Self.samples {
            let pattern = try #require(SparkStrptimePattern(format: format))
            let regex = try NSRegularExpression(pattern: pattern.regex)
            for text in texts {
                let matched = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
                #expect(matched == (DatetimeText.parse(text, format: format) != nil), "\(format) on \(text)")
            }
        }
    }

    @Test func theISOPatternAcceptsWhatSomeISOLayoutAccepts() throws {
        let regex = try NSRegularExpression(pattern: SparkStrptimePattern.iso.regex)
        let texts = ["2024-01-01", "2024-1-5", "2024-01-01 10:30", "2024-01-01T10:30:00.5", "2024-01-01T10:30:00.123456789",
                     "2024-01-01T10:00:00+02:00", "2024-01-01 10:00Z", "2024-01-01+02:00", "2024-01-01 10", "2024/01/01", "x", "2024-01-01T10:30:00.5Z"]
        for text in texts {
            let matched = regex.firstMatch(in: text, range: NSRange(text.startIndex..., in: text)) != nil
            let eager = DatetimeText.isoFormats.contains { DatetimeText.parse(text, format: $0) != nil }
            #expect(matched == eager, "\(text)")
        }
    }

    @Test func directivesTheReaderDoesNotKnowAreRefused() {
        #expect(SparkStrptimePattern(format: "%j") == nil)
        #expect(SparkStrptimePattern(format: "%Y-%") == nil)
    }
}
#endif
