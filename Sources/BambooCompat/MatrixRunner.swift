import Bamboo
import Foundation

/// How one variant fared on one backend.
public struct VariantResult: Sendable {
    public enum Outcome: String, Sendable {
        case exact, diverges, unsupported, notYet
        /// Any undeclared difference, stale declaration or changed divergence.
        case failure
    }

    public let caseID: String
    public let variantID: String
    public let area: String
    public let outcome: Outcome
    /// Why it failed, or the declared reason.
    public let note: String
    public let differences: [Difference]
    /// Bamboo's encoded result (kept for divergences).
    public let actual: JSON
}

/// Runs every case variant on a backend and classifies the results against the expectations.
public struct MatrixRunner: Sendable {
    public let root: URL
    public let cases: [CompatCase]

    public init(root: URL) throws {
        self.root = root
        self.cases = try CompatCase.loadAll(root: root)
    }

    /// The `CompatMatrix` folder of this package, found from the current directory or this source file.
    public static func defaultRoot() -> URL {
        let cwd = URL(fileURLWithPath: FileManager.default.currentDirectoryPath).appendingPathComponent("CompatMatrix")
        if FileManager.default.fileExists(atPath: cwd.appendingPathComponent("cases").path) { return cwd }
        return URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("CompatMatrix")
    }

    public var variantCount: Int { cases.reduce(0) { $0 + $1.variants.count } }

    /// The backends MATRIX.md has a column for, in order.
    public static let backends = ["eager", "spark"]

    /// What a run on a backend not reachable here would give if its expectations hold: each
    /// declared status, exact elsewhere. A real run on that backend (CI runs both) fails on any
    /// difference from this, so MATRIX.md can show every backend from any one machine.
    public func declaredResults(_ expectations: Expectations) -> [VariantResult] {
        cases.flatMap { c in
            c.variants.map { v -> VariantResult in
                let (outcome, note): (VariantResult.Outcome, String)
                switch expectations.entries[v.id] {
                case nil: (outcome, note) = (.exact, "")
                case .diverges(let kind, let reason, _)?: (outcome, note) = (.diverges, "\(kind): \(reason)")
                case .unsupported(let reason)?: (outcome, note) = (.unsupported, reason)
                case .notYet(let reason)?: (outcome, note) = (.notYet, reason)
                }
                return VariantResult(caseID: c.id, variantID: v.id, area: c.area, outcome: outcome, note: note, differences: [], actual: .null)
            }
        }
    }

    /// Runs every variant (or those whose id contains `filter`) and classifies each result.
    public func run(session: Session, expectations: Expectations, filter: String? = nil) async throws -> [VariantResult] {
        var results: [VariantResult] = []
        var seen = Set<String>()
        for compatCase in cases where filter.map({ compatCase.id.contains($0) }) ?? true {
            let goldens = try compatCase.goldens(root: root)
            for variant in compatCase.variants {
                seen.insert(variant.id)
                guard let golden = goldens[variant.id] else {
                    throw CompatError.io("golden for \(variant.id) is missing (run CompatMatrix/generate.py)")
                }
                let actual = await evaluate(variant, session: session)
                results.append(classify(compatCase, variant, golden: golden, actual: actual, expected: expectations.entries[variant.id]))
            }
        }
        for id in expectations.entries.keys.sorted() where filter == nil && !seen.contains(id) {
            results.append(VariantResult(caseID: id, variantID: id, area: "?", outcome: .failure,
                                         note: "expectations/\(expectations.backend).json names unknown case \(id)", differences: [], actual: .null))
        }
        return results
    }

    /// Bamboo's result for a variant, or its error, encoded like a golden.
    func evaluate(_ variant: CompatCase.Variant, session: Session) async -> JSON {
        let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("bamboo-compat-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: scratch) }
        do {
            var interpreter = CaseInterpreter(session: session, inputs: variant.inputs, scratchFolder: scratch)
            return try await ResultEncoder.encode(interpreter.run(program: variant.program))
        } catch {
            return ResultEncoder.error(error)
        }
    }

    func classify(_ c: CompatCase, _ v: CompatCase.Variant, golden: JSON, actual: JSON, expected: Expectations.Status?) -> VariantResult {
        let differences = ResultComparison.differences(expected: golden, actual: actual)
        func result(_ outcome: VariantResult.Outcome, _ note: String) -> VariantResult {
            VariantResult(caseID: c.id, variantID: v.id, area: c.area, outcome: outcome, note: note, differences: differences, actual: actual)
        }
        let isGap = actual["type"]?.string == "RunnerGap"
        switch expected {
        case nil:
            if differences.isEmpty { return result(.exact, "") }
            return result(.failure, isGap ? "not expressible: \(actual["message"]?.string ?? "")" : "undeclared difference")
        case .diverges(let kind, let reason, let output)?:
            if differences.isEmpty { return result(.failure, "stale: declared diverges(\(kind)) but now exact") }
            guard let output else { return result(.failure, "diverges(\(kind)) has no stored output; run `bamboo compat --update-outputs`") }
            if output != actual { return result(.failure, "the divergence changed: stored output \(output) vs now \(actual)") }
            return result(.diverges, "\(kind): \(reason)")
        case .unsupported(let reason)?:
            if differences.isEmpty { return result(.failure, "stale: declared unsupported but now exact") }
            guard actual["code"]?.string == "unsupportedOnBackend" || isGap else {
                return result(.failure, "declared unsupported, but Bamboo does not throw unsupportedOnBackend (\(actual))")
            }
            return result(.unsupported, reason)
        case .notYet(let reason)?:
            if differences.isEmpty { return result(.failure, "stale: declared notYet but now exact") }
            return result(.notYet, reason)
        }
    }

    /// Declares every undeclared failing variant that `reference` (the eager backend's
    /// expectations) already explains, the same way when this backend gives the very output declared
    /// there; declares `unsupported` (with the backend's own message as the reason) for every other
    /// variant the backend refuses; and drops every declaration the run found stale.
    public func updatingDeclarations(_ expectations: Expectations, results: [VariantResult], reference: Expectations? = nil) -> Expectations {
        var updated = expectations
        for r in results where r.outcome == .failure {
            if r.note.hasPrefix("stale") {
                updated.entries[r.variantID] = nil
                continue
            }
            guard expectations.entries[r.variantID] == nil else { continue }
            switch reference?.entries[r.variantID] {
            case .diverges(_, _, let output)? where output == r.actual:
                updated.entries[r.variantID] = reference?.entries[r.variantID]
            case .notYet(let reason)? where r.actual["type"]?.string == "RunnerGap":
                updated.entries[r.variantID] = .notYet(reason: reason)
            default:
                if r.actual["code"]?.string == "unsupportedOnBackend", let message = r.actual["message"]?.string {
                    updated.entries[r.variantID] = .unsupported(reason: message)
                }
            }
        }
        return updated
    }

    /// Stores Bamboo's current output in every declared divergence (after a deliberate change).
    public func updatingOutputs(_ expectations: Expectations, results: [VariantResult]) -> Expectations {
        var updated = expectations
        for r in results {
            if case .diverges(let kind, let reason, _)? = expectations.entries[r.variantID], !r.differences.isEmpty {
                updated.entries[r.variantID] = .diverges(kind: kind, reason: reason, output: r.actual)
            }
        }
        return updated
    }
}
