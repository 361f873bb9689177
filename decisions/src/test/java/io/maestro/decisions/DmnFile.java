package io.maestro.decisions;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.xml.parsers.DocumentBuilderFactory;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.NodeList;

/** A .dmn file at the module root, read as XML for checks of its structure and contract. */
record DmnFile(Path path, Document document) {

    static final String DMN = "https://www.omg.org/spec/DMN/20191111/MODEL/";
    static final String DMNDI = "https://www.omg.org/spec/DMN/20191111/DMNDI/";
    static final String CAMUNDA = "http://camunda.org/schema/1.0/dmn";

    /** The directory analysts edit: the module root (Maven runs tests from there). */
    static final Path MODULE_ROOT = Path.of("").toAbsolutePath();

    static List<DmnFile> all() {
        try (Stream<Path> files = Files.list(MODULE_ROOT)) {
            return files.filter(p -> p.getFileName().toString().endsWith(".dmn")).sorted().map(DmnFile::read).toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static DmnFile read(Path path) {
        try {
            DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
            factory.setNamespaceAware(true);
            return new DmnFile(path, factory.newDocumentBuilder().parse(path.toFile()));
        } catch (Exception e) {
            throw new IllegalStateException("cannot read " + path, e);
        }
    }

    String fileName() {
        return path.getFileName().toString();
    }

    /** The decision id the file name promises: {@code fulfillment-policy.dmn} holds {@code fulfillment-policy}. */
    String expectedDecisionId() {
        return fileName().substring(0, fileName().length() - ".dmn".length());
    }

    List<Element> elements(String namespace, String localName) {
        return elements(document.getDocumentElement(), namespace, localName);
    }

    static List<Element> elements(Element parent, String namespace, String localName) {
        NodeList nodes = parent.getElementsByTagNameNS(namespace, localName);
        List<Element> result = new ArrayList<>();
        for (int i = 0; i < nodes.getLength(); i++) {
            result.add((Element) nodes.item(i));
        }
        return result;
    }

    /** The text of the one {@code <text>} child of an entry or expression, trimmed; "" when empty. */
    static String text(Element entry) {
        List<Element> texts = elements(entry, DMN, "text");
        return texts.isEmpty() ? "" : texts.get(0).getTextContent().trim();
    }

    /** Every id attribute in the file. */
    List<String> ids() {
        List<String> ids = new ArrayList<>();
        for (Element e : elements("*", "*")) {
            if (e.hasAttribute("id")) {
                ids.add(e.getAttribute("id"));
            }
        }
        ids.add(0, document.getDocumentElement().getAttribute("id"));
        return ids;
    }

    @Override
    public String toString() {
        return fileName();
    }
}
