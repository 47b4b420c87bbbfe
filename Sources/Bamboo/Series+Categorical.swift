import BambooCore

extension Series {
    /// Category operations on a `category` Series (pandas: `s.cat`).
    ///
    /// ```swift
    /// let k = try df["k"].cat.setCategories(["z", "c", "b", "a"])
    /// ```
    /// Throws for any other dtype, as pandas' AttributeError does.
    public var cat: CategoricalAccessor {
        get throws {
            guard case .category(let type) = dtype else { throw BambooError(.typeMismatch, "Can only use .cat accessor with a 'category' dtype") }
            return CategoricalAccessor(series: self, type: type)
        }
    }
}

/// The `.cat` accessor of a categorical Series (pandas: `Series.cat`). Changing the categories
/// re-encodes the values by value: a value whose category is gone becomes missing.
public struct CategoricalAccessor: Sendable {
    let series: Series
    let type: CategoryType

    /// The categories, in order (pandas: `s.cat.categories`).
    public var categories: Index { Index(type.categories ?? []) }

    /// Each value's position in the categories, -1 where missing (pandas: `s.cat.codes`; int64
    /// here, where pandas picks the smallest integer type, int8 for up to 127 categories).
    ///
    /// ```swift
    /// let codes = try df["size"].cat.codes    // [2, -1, 0, ...]
    /// ```
    public var codes: Series { get throws { try series.derived(.categoryCodes(series.expr), name: Scalar.none) } }  // unnamed, as pandas'

    /// Whether the categories have an order (pandas: `s.cat.ordered`).
    public var ordered: Bool { type.ordered }

    /// New categories; values outside them become missing (pandas: `s.cat.set_categories(new, ordered=)`).
    public func setCategories(_ categories: [Scalar], ordered: Bool? = nil) throws -> Series {
        guard Set(categories).count == categories.count else { throw BambooError(.invalidArgument, "Categorical categories must be unique") }
        return try recast(categories, ordered: ordered ?? type.ordered)
    }

    /// Appends categories (pandas: `s.cat.add_categories(new)`).
    public func addCategories(_ new: [Scalar]) throws -> Series {
        let old = type.categories ?? []
        let clashing = new.filter(old.contains)
        guard clashing.isEmpty else {
            throw BambooError(.invalidArgument, "new categories must not include old categories: {\(clashing.map(\.pythonRepr).joined(separator: ", "))}")
        }
        return try setCategories(old + new)
    }

    /// Removes categories; their values become missing (pandas: `s.cat.remove_categories(removals)`).
    public func removeCategories(_ removals: [Scalar]) throws -> Series {
        let old = type.categories ?? []
        let unknown = removals.filter { !old.contains($0) }
        guard unknown.isEmpty else {
            throw BambooError(.invalidArgument, "removals must all be in old categories: {\(unknown.map(\.pythonRepr).joined(separator: ", "))}")
        }
        return try setCategories(old.filter { !removals.contains($0) })
    }

    /// The same categories in a new order (pandas: `s.cat.reorder_categories(new, ordered=)`).
    public func reorderCategories(_ categories: [Scalar], ordered: Bool? = nil) throws -> Series {
        guard Set(categories) == Set(type.categories ?? []), categories.count == (type.categories ?? []).count else {
            throw BambooError(.invalidArgument, "items in new_categories are not the same as in old categories")
        }
        return try setCategories(categories, ordered: ordered)
    }

    /// Marks the categories ordered (pandas: `s.cat.as_ordered()`).
    public func asOrdered() throws -> Series { try recast(type.categories ?? [], ordered: true) }

    /// Marks the categories unordered (pandas: `s.cat.as_unordered()`).
    public func asUnordered() throws -> Series { try recast(type.categories ?? [], ordered: false) }

    private func recast(_ categories: [Scalar], ordered: Bool) throws -> Series {
        try series.astype(.category(CategoryType(categories: categories, ordered: ordered)))
    }
}
