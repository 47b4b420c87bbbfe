import BambooCore
import BambooPlan

extension Series {
    /// Label-based selection (pandas: `s.loc`).
    public var loc: Loc { Loc(series: self) }
    /// Position-based selection (pandas: `s.iloc`).
    public var iloc: ILoc { ILoc(series: self) }
    /// One value by label (pandas: `s.at[label]`).
    public var at: Loc { loc }
    /// One value by position (pandas: `s.iat[i]`).
    public var iat: ILoc { iloc }

    public struct Loc: Sendable {
        let series: Series

        /// One value (pandas: `s.loc[label]`).
        public subscript(_ label: Scalar) -> Scalar {
            get async throws { try await Series.wrapping(series.toFrame().rows(.labels([label]))).single() }
        }
        public subscript(_ labels: [Scalar]) -> Series {
            get throws { try .wrapping(series.toFrame().rows(.labels(labels))) }
        }
        public subscript(_ slice: LabelSlice) -> Series {
            get throws { try .wrapping(series.toFrame().rows(.slice(slice))) }
        }
        public subscript(_ mask: Series) -> Series {
            get throws { try series[mask] }
        }
    }

    public struct ILoc: Sendable {
        let series: Series

        /// One value (pandas: `s.iloc[i]`).
        public subscript(_ position: Int) -> Scalar {
            get async throws {
                let frame = try series.toFrame()
                let row = try LogicalPlan(.take(frame.labelledPlan(), positions: [position], single: true))
                return try await Series.wrapping(DataFrame(session: series.session, plan: row)).single()
            }
        }
        public subscript(_ positions: [Int]) -> Series {
            get throws { try .wrapping(series.toFrame().rows(at: .positions(positions))) }
        }
        public subscript(_ slice: PositionSlice) -> Series {
            get throws { try .wrapping(series.toFrame().rows(at: .slice(slice))) }
        }
        public subscript(_ range: Range<Int>) -> Series {
            get throws { try .wrapping(series.toFrame().rows(at: .slice(PositionSlice(range)))) }
        }
        public subscript(_ mask: [Bool]) -> Series {
            get throws { try .wrapping(series.toFrame().rows(at: .mask(mask))) }
        }
    }
}

extension DataFrame {
    /// One value by row and column label (pandas: `df.at[row, column]`).
    public var at: Loc { loc }

    /// One value by row and column position (pandas: `df.iat[i, j]`).
    public var iat: ILoc { iloc }
}
