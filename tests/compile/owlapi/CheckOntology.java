import java.io.File;
import org.semanticweb.owlapi.apibinding.OWLManager;
import org.semanticweb.owlapi.io.FileDocumentSource;
import org.semanticweb.owlapi.io.OWLOntologyLoaderMetaData;
import org.semanticweb.owlapi.io.RDFParserMetaData;
import org.semanticweb.owlapi.model.*;
import org.semanticweb.owlapi.profiles.OWL2DLProfile;
import org.semanticweb.owlapi.profiles.OWLProfileReport;
import org.semanticweb.owlapi.profiles.OWLProfileViolation;
import org.semanticweb.owlapi.util.SimpleIRIMapper;

/** Load an ontology file the way Protégé does (OWL API; add --strict for strict parsing) and report every problem.
 *  Prints "OK ..." and exits 0 when the parse leaves nothing unparsed, guesses no declarations and
 *  the ontology is in the OWL 2 DL profile; otherwise prints the problems and exits 1. */
public class CheckOntology {
    public static void main(String[] args) throws Exception {
        OWLOntologyManager manager = OWLManager.createOWLOntologyManager();
        File file = new File(args[0]);
        // Resolve imports through catalog-v001.xml beside the file, as Protégé does.
        File catalog = new File(file.getAbsoluteFile().getParentFile(), "catalog-v001.xml");
        if (catalog.isFile()) {
            java.util.regex.Matcher m = java.util.regex.Pattern.compile("name=\"([^\"]+)\"\\s+uri=\"([^\"]+)\"")
                .matcher(new String(java.nio.file.Files.readAllBytes(catalog.toPath()), "UTF-8"));
            while (m.find()) {
                manager.getIRIMappers().add(new SimpleIRIMapper(IRI.create(m.group(1)),
                    IRI.create(new File(catalog.getParentFile(), m.group(2)))));
            }
        }
        OWLOntologyLoaderConfiguration config = new OWLOntologyLoaderConfiguration()
            .setStrict(args.length > 1 && args[1].equals("--strict")).setReportStackTraces(false)
            .setMissingImportHandlingStrategy(MissingImportHandlingStrategy.THROW_EXCEPTION);
        OWLOntology ontology = manager.loadOntologyFromOntologyDocument(new FileDocumentSource(file), config);
        int problems = 0;
        OWLDocumentFormat format = manager.getOntologyFormat(ontology);
        if (format != null && format.getOntologyLoaderMetaData().isPresent()) {
            OWLOntologyLoaderMetaData meta = format.getOntologyLoaderMetaData().get();
            if (meta instanceof RDFParserMetaData) {
                RDFParserMetaData rdf = (RDFParserMetaData) meta;
                for (Object triple : rdf.getUnparsedTriples().toArray()) { System.out.println("UNPARSED " + triple); problems++; }
                for (Object guessed : rdf.getGuessedDeclarations().values().toArray()) { System.out.println("GUESSED " + guessed); problems++; }
            }
        }
        OWLProfileReport report = new OWL2DLProfile().checkOntology(ontology);
        for (OWLProfileViolation v : report.getViolations()) { System.out.println("DL " + v); problems++; }
        System.out.println((problems == 0 ? "OK " : "PROBLEMS " + problems + " ") + ontology.getOntologyID()
            + " axioms=" + ontology.getAxiomCount() + " logical=" + ontology.getLogicalAxiomCount()
            + " classes=" + ontology.getClassesInSignature().size() + " format=" + format);
        System.exit(problems == 0 ? 0 : 1);
    }
}
