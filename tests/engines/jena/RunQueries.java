import java.io.FileOutputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;

import org.apache.jena.query.Dataset;
import org.apache.jena.query.DatasetFactory;
import org.apache.jena.query.Query;
import org.apache.jena.query.QueryExecution;
import org.apache.jena.query.QueryExecutionFactory;
import org.apache.jena.query.QueryFactory;
import org.apache.jena.query.ResultSetFormatter;
import org.apache.jena.riot.RDFDataMgr;

/**
 * Runs every {@code NAME.rq} file of a folder with Jena ARQ on one RDF file (the default graph) and
 * writes {@code NAME.json} (W3C SPARQL JSON results) beside it, or {@code NAME.error} with the
 * message when ARQ refuses or fails the query. One JVM for the whole batch: starting Java once per
 * query would cost seconds each.
 *
 * Usage: java RunQueries DATA_FILE QUERY_FOLDER
 */
public final class RunQueries {
    private RunQueries() {
    }

    public static void main(String[] args) throws Exception {
        if (args.length != 2) {
            System.err.println("usage: RunQueries DATA_FILE QUERY_FOLDER");
            System.exit(2);
        }
        Dataset dataset = DatasetFactory.create();
        RDFDataMgr.read(dataset.getDefaultModel(), args[0]);
        int count = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(Paths.get(args[1]), "*.rq")) {
            for (Path file : files) {
                String stem = file.getFileName().toString().replaceFirst("\\.rq$", "");
                String text = new String(Files.readAllBytes(file), StandardCharsets.UTF_8);
                try (OutputStream out = new FileOutputStream(file.resolveSibling(stem + ".json").toFile())) {
                    Query query = QueryFactory.create(text);
                    try (QueryExecution execution = QueryExecutionFactory.create(query, dataset)) {
                        if (query.isAskType()) {
                            ResultSetFormatter.outputAsJSON(out, execution.execAsk());
                        } else {
                            ResultSetFormatter.outputAsJSON(out, execution.execSelect());
                        }
                    }
                } catch (RuntimeException exc) {
                    Files.deleteIfExists(file.resolveSibling(stem + ".json"));
                    Files.write(file.resolveSibling(stem + ".error"), String.valueOf(exc.getMessage()).getBytes(StandardCharsets.UTF_8));
                }
                count++;
            }
        }
        System.out.println("OK " + count);
    }
}
