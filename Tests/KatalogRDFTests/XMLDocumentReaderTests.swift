import Foundation
import KatalogRDF
import Testing

@Suite("XML element tree")
struct XMLDocumentReaderTests {
    private let gmd = "http://www.isotc211.org/2005/gmd"
    private let gco = "http://www.isotc211.org/2005/gco"
    private let xlink = "http://www.w3.org/1999/xlink"

    private func parse(_ text: String) throws -> XMLElement {
        try XMLDocumentReader.parse(Data(text.utf8), location: "test.xml")
    }

    private func parseError(_ text: String) -> RDFParseError? {
        do {
            _ = try parse(text)
            return nil
        } catch {
            return error as? RDFParseError
        }
    }

    private var record: String {
        """
        <?xml version="1.0" encoding="UTF-8"?>
        <csw:GetRecordsResponse xmlns:csw="http://www.opengis.net/cat/csw/2.0.2" xmlns:gmd="\(gmd)" xmlns:gco="\(gco)">
          <gmd:MD_Metadata xmlns:xlink="\(xlink)">
            <gmd:fileIdentifier><gco:CharacterString>abc-1</gco:CharacterString></gmd:fileIdentifier>
            <gmd:title xsi:type="gmd:PT_FreeText_PropertyType" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">
              <gco:CharacterString>Badplatser &amp; strandbad</gco:CharacterString>
              <gmd:PT_FreeText><gmd:textGroup>
                <gmd:LocalisedCharacterString locale="#EN"><![CDATA[Bathing <sites>]]></gmd:LocalisedCharacterString>
              </gmd:textGroup></gmd:PT_FreeText>
            </gmd:title>
            <gmd:licence><gmx:Anchor xmlns:gmx="http://www.isotc211.org/2005/gmx" xlink:href="https://creativecommons.org/licenses/by/4.0/">CC BY 4.0</gmx:Anchor></gmd:licence>
            <plain>no namespace</plain>
          </gmd:MD_Metadata>
        </csw:GetRecordsResponse>
        """
    }

    @Test func readsNamesAttributesAndText() throws {
        let root = try parse(record)
        #expect(root.localName == "GetRecordsResponse")
        #expect(root.namespace == "http://www.opengis.net/cat/csw/2.0.2")
        let metadata = try #require(root.child(gmd, "MD_Metadata"))
        #expect(metadata.prefix == "gmd")
        #expect(metadata.child(gmd, "fileIdentifier")?.child(gco, "CharacterString")?.text == "abc-1")
        let title = try #require(metadata.child(gmd, "title"))
        #expect(title.attribute("type", namespace: "http://www.w3.org/2001/XMLSchema-instance") == "gmd:PT_FreeText_PropertyType")
        #expect(title.child(gco, "CharacterString")?.text == "Badplatser & strandbad")
        let localised = metadata.descendants(gmd, "LocalisedCharacterString")
        #expect(localised.count == 1)
        #expect(localised.first?.attribute("locale") == "#EN")
        #expect(localised.first?.text == "Bathing <sites>")
        let anchor = try #require(metadata.descendants("http://www.isotc211.org/2005/gmx", "Anchor").first)
        #expect(anchor.attribute("href", namespace: xlink) == "https://creativecommons.org/licenses/by/4.0/")
        #expect(anchor.attribute("href") == nil)
        #expect(metadata.child(nil, "plain")?.text == "no namespace")
        #expect(root.descendants(gco, "CharacterString").map(\.text) == ["abc-1", "Badplatser & strandbad"])
    }

    @Test func aSerializedElementReadsBackTheSame() throws {
        let metadata = try #require(try parse(record).child(gmd, "MD_Metadata"))
        let bytes = metadata.serialized()
        let text = try #require(String(data: bytes, encoding: .utf8))
        #expect(text.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<gmd:MD_Metadata"))
        // The namespaces declared on the ancestor it was cut from are declared on it now.
        #expect(text.contains("xmlns:gco=\"\(gco)\""))
        #expect(!text.contains("csw"))
        let again = try XMLDocumentReader.parse(bytes, location: "again.xml")
        #expect(again.child(gmd, "title")?.child(gco, "CharacterString")?.text == "Badplatser & strandbad")
        #expect(again.descendants(gmd, "LocalisedCharacterString").first?.text == "Bathing <sites>")
        #expect(again.descendants("http://www.isotc211.org/2005/gmx", "Anchor").first?.attribute("href", namespace: xlink)
            == "https://creativecommons.org/licenses/by/4.0/")
        #expect(again.child(nil, "plain")?.text == "no namespace")
        #expect(again.child(nil, "plain")?.namespace == nil)
        // Written again, the bytes are stable.
        #expect(again.serialized() == bytes)
    }

    @Test func clashingPrefixesAndDefaultNamespacesSerializeCorrectly() throws {
        let root = try parse("""
        <a:root xmlns:a="urn:one" xmlns="urn:default"><a:x xmlns:a="urn:two" a:attr="v"/><inner><bare xmlns=""/></inner></a:root>
        """)
        let again = try XMLDocumentReader.parse(root.serialized(), location: "again.xml")
        #expect(again.namespace == "urn:one")
        #expect(again.children.first?.namespace == "urn:two")
        #expect(again.children.first?.attribute("attr", namespace: "urn:two") == "v")
        #expect(again.children.last?.namespace == "urn:default")
        #expect(again.children.last?.children.first?.namespace == nil)
        #expect(again == root.withoutWhitespace)
    }

    @Test func malformedDocumentsNameTheLine() {
        let error = parseError("<a>\n<b>\n</a>")
        #expect(error?.code == .syntax)
        #expect(error?.line == 3)
        #expect(error?.location == "test.xml")
        #expect(parseError("")?.code == .syntax)
        #expect(parseError("just text")?.code == .syntax)
    }

    @Test func invalidUTF8IsAnEncodingError() {
        var bytes = Data("<a>caf".utf8)
        bytes.append(0xE9)
        bytes.append(contentsOf: Data("</a>".utf8))
        do {
            _ = try XMLDocumentReader.parse(bytes, location: "latin1.xml")
            Issue.record("invalid UTF-8 was read")
        } catch let error as RDFParseError {
            #expect(error.code == .invalidUTF8)
        } catch {
            Issue.record("unexpected error \(error)")
        }
    }

    @Test func declaredEntitiesAreRefusedNotExpanded() {
        var subset = #"<!ENTITY lol0 "lol">"#
        for level in 1...9 {
            subset += "\n<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">"
        }
        let started = ContinuousClock.now
        let inText = parseError("<?xml version=\"1.0\"?>\n<!DOCTYPE a [\(subset)]>\n<a>&lol9;</a>")
        #expect(inText?.code == .forbidden || inText?.code == .limitExceeded)
        let inAttribute = parseError("<?xml version=\"1.0\"?>\n<!DOCTYPE a [\(subset)]>\n<a b=\"&lol9;\"/>")
        #expect(inAttribute?.code == .forbidden || inAttribute?.code == .limitExceeded)
        #expect(ContinuousClock.now - started < .seconds(60))
    }

    @Test func externalEntitiesAreNeverRead() throws {
        let secret = FileManager.default.temporaryDirectory.appendingPathComponent("katalog-xxe-\(UUID().uuidString).txt")
        try Data("SECRET-CONTENT".utf8).write(to: secret)
        defer { try? FileManager.default.removeItem(at: secret) }
        let document = """
        <?xml version="1.0"?>
        <!DOCTYPE a [<!ENTITY xxe SYSTEM "file://\(secret.path)">]>
        <a>&xxe;</a>
        """
        do {
            let root = try parse(document)
            #expect(!root.text.contains("SECRET"))
            Issue.record("an external entity reference was accepted")
        } catch let error as RDFParseError {
            #expect(error.code == .forbidden)
            #expect(!error.message.contains("SECRET"))
        }
    }

    @Test func predefinedAndCharacterReferencesAreText() throws {
        let root = try parse("<a title=\"x &quot;y&quot; &#228;\">&lt;&#x41;&gt;</a>")
        #expect(root.text == "<A>")
        #expect(root.attribute("title") == "x \"y\" ä")
    }
}

extension XMLElement {
    /// The element with whitespace-only text dropped from elements that have children, as serialization does.
    var withoutWhitespace: XMLElement {
        var copy = self
        if !copy.children.isEmpty, copy.text.allSatisfy(\.isWhitespace) { copy.text = "" }
        copy.children = copy.children.map(\.withoutWhitespace)
        return copy
    }
}
