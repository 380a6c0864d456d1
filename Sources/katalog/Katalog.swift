import ArgumentParser

@main
struct Katalog: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "katalog", abstract: "Harvest open-data catalogues and search them.")
}
