import BambooCore
import BambooPlan
import Testing

/// Plan-text tests: schema inference, optimizer rules, explain.
@Suite struct PlanTests {
    func source() throws -> (LogicalPlan, Field, Field) {
        let a = Field(label: "a", dtype: .int64), b = Field(label: "b", dtype: .string)
        let data = try SourceData(schema: Schema(index: .fields([Field(label: .none, dtype: .int64)]), columns: [a, b]),
                                  columns: [Column(int64: [0, 1]), Column(int64: [1, 2]), Column(strings: ["x", nil])], rowCount: 2, origin: "test")
        return (try LogicalPlan(.source(data)), a, b)
    }

    @Test func expressionsAreTypedAtBuildTime() throws {
        let (plan, a, b) = try source()
        #expect(try ExprTyping.dtype(of: .binary(.divide, .column(a.id), .literal(2)), in: plan.schema.allFields) == .float64)
        #expect(throws: BambooError.self) { try ExprTyping.dtype(of: .binary(.subtract, .column(b.id), .literal(1)), in: plan.schema.allFields) }
    }

    @Test func filterNeedsABooleanMask() throws {
        let (plan, a, _) = try source()
        #expect { try LogicalPlan(.filter(plan, predicate: .column(a.id))) } throws: { ($0 as? BambooError)?.code == .typeMismatch }
    }

    @Test func combineProjectsSubstitutesInnerExpressions() throws {
        let (plan, a, _) = try source()
        let doubled = try NamedExpr.typed(label: "d", expr: .binary(.multiply, .column(a.id), .literal(2)), in: plan.schema.allFields)
        let inner = try LogicalPlan(.project(plan, index: .keep, columns: [doubled]))
        let plusOne = try NamedExpr.typed(label: "e", expr: .binary(.add, .column(doubled.field.id), .literal(1)), in: inner.schema.allFields)
        let outer = try LogicalPlan(.project(inner, index: .keep, columns: [plusOne]))
        let optimized = try Optimizer.standard.optimize(outer)
        #expect(optimized.inputs.first === plan)
        #expect(optimized.explain().hasPrefix("Project ['e':int64\(plusOne.field.id) = ((\(a.id) * 2) + 1)]"))
        #expect(optimized.schema == outer.schema)
    }

    @Test func combineFiltersJoinsMasksWithAnd() throws {
        let (plan, a, _) = try source()
        let first = try LogicalPlan(.filter(plan, predicate: .binary(.greater, .column(a.id), .literal(0))))
        let second = try LogicalPlan(.filter(first, predicate: .binary(.less, .column(a.id), .literal(5))))
        let optimized = try Optimizer.standard.optimize(second)
        #expect(optimized.explain().split(separator: "\n").first == "Filter ((\(a.id) > 0) & (\(a.id) < 5))")
    }

    @Test func identityProjectionsDisappear() throws {
        let (plan, _, _) = try source()
        let same = try LogicalPlan(.project(plan, index: .keep, columns: plan.schema.columns.map(NamedExpr.passthrough)))
        #expect(try Optimizer.standard.optimize(same) === plan)
    }

    @Test func rowSubsettingARangeIndexNeedsRowNumbersFirst() throws {
        let data = try SourceData(schema: Schema(index: .range, columns: [Field(label: "a", dtype: .int64)]),
                                  columns: [Column(int64: [1])], rowCount: 1, origin: "test")
        let plan = try LogicalPlan(.source(data))
        #expect { try LogicalPlan(.slice(plan, start: 0, stop: 1, step: 1)) } throws: { ($0 as? BambooError)?.code == .internalInvariant }
    }

    @Test func explainDrawsATree() throws {
        let (plan, a, _) = try source()
        let sorted = try LogicalPlan(.sort(plan, keys: [SortSpec(expr: .column(a.id), ascending: false, missingFirst: true)]))
        let text = sorted.explain()
        #expect(text.contains("Sort \(a.id) desc nulls first (stable)\n└─ Source 2 rows from test"))
    }
}
