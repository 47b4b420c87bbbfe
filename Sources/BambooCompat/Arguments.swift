import Bamboo

/// A pandas call's arguments, read by name or position as Python binds them.
struct Arguments {
    let call: String
    let positional: [CaseValue]
    let keywords: [(String, CaseValue)]
    /// Parameter names in pandas' order, for binding positional arguments.
    let parameters: [String]

    init(_ call: String, _ positional: [CaseValue], _ keywords: [(String, CaseValue)], parameters: [String]) throws {
        self.call = call
        self.positional = positional
        self.keywords = keywords
        self.parameters = parameters
        if positional.count > parameters.count {
            throw RunnerGap("\(call) takes \(parameters.count) positional arguments here")
        }
        for (name, _) in keywords where !parameters.contains(name) {
            throw RunnerGap("\(call)(\(name)=) is not supported by Bamboo yet")
        }
    }

    func has(_ name: String) -> Bool { self[name] != nil }

    subscript(_ name: String) -> CaseValue? {
        if let value = keywords.first(where: { $0.0 == name })?.1 { return value }
        guard let position = parameters.firstIndex(of: name), position < positional.count else { return nil }
        return positional[position]
    }

    func scalar(_ name: String) throws -> Scalar? {
        guard let value = self[name] else { return nil }
        guard let scalar = value.scalar else { throw RunnerGap("\(call)(\(name)=) expects a scalar here, got \(value.kind)") }
        return scalar
    }

    /// The scalar argument `name`, nil when it is absent or Python's None (pandas' "not given").
    /// (`Scalar` reads a `nil` literal as `.none`, so `x == .none ? nil : x` would keep it.)
    func given(_ name: String) throws -> Scalar? {
        guard let value = try scalar(name), value != Scalar.none else { return Optional<Scalar>.none }
        return value
    }

    func bool(_ name: String, default fallback: Bool) throws -> Bool {
        guard let s = try scalar(name) else { return fallback }
        guard case .bool(let b) = s else { throw BambooError(.invalidArgument, "\(name) must be a bool, got \(s.pythonRepr)") }
        return b
    }

    func int(_ name: String) throws -> Int? {
        guard let s = try scalar(name), s != Scalar.none else { return nil }
        guard case .int(let i) = s else { throw BambooError(.typeMismatch, "\(name) must be an integer, got \(s.pythonRepr)") }
        return Int(i)
    }

    func string(_ name: String) throws -> String? {
        guard let s = try scalar(name), s != Scalar.none else { return nil }
        guard case .string(let text) = s else { throw BambooError(.invalidArgument, "\(name) must be a string, got \(s.pythonRepr)") }
        return text
    }

    /// A label or a list of labels, as a list.
    func labels(_ name: String) throws -> [Scalar]? {
        guard let value = self[name] else { return nil }
        if let s = value.scalar { return s == Scalar.none ? nil : [s] }
        if let list = value.scalars { return list }
        throw RunnerGap("\(call)(\(name)=) expects labels, got \(value.kind)")
    }

    func dtype(_ value: CaseValue) throws -> DType {
        guard let s = value.scalar, case .string(let text) = s else { throw RunnerGap("dtype given as \(value.kind)") }
        return try DType(parsing: text)
    }
}
