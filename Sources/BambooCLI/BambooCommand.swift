import ArgumentParser

@main
struct BambooCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bamboo",
        abstract: "The pandas API for Swift: run the demo pipeline or the compatibility matrix.",
        subcommands: [DemoCommand.self, CompatCommand.self, BenchCommand.self],
        defaultSubcommand: DemoCommand.self)
}
