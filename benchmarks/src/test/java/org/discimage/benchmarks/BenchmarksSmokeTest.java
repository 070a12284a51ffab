package org.discimage.benchmarks;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.results.RunResult;
import org.openjdk.jmh.runner.Runner;
import org.openjdk.jmh.runner.RunnerException;
import org.openjdk.jmh.runner.options.Options;
import org.openjdk.jmh.runner.options.OptionsBuilder;
import org.openjdk.jmh.runner.options.TimeValue;

/**
 * The no-regression smoke run of issue 9: every JMH benchmark of this module still runs, once, with
 * tiny parameters, in the test JVM ({@code forks(0)}), and yields a result. No timing is asserted: on
 * a shared CI machine the figures mean nothing; what fails here is a benchmark that throws, no longer
 * compiles against the SDK, or silently stops producing a score. The 1,000,000-entry parameters are
 * replaced by small ones; the whole run takes some seconds. The human-readable JMH log goes to
 * {@code target/jmh-smoke.txt}.
 */
class BenchmarksSmokeTest {
    /** The smallest useful values of every parameter the benchmarks declare (overriding the annotations). */
    private static final Map<String, String> TINY = Map.of(
            "entries", "1000",     // PlanningBenchmark, MetadataBenchmark (10k..1M)
            "dirs", "10",          // ImportBenchmark (1000)
            "filesPerDir", "9",    // ImportBenchmark (99)
            "files", "2",          // PipelineThroughputBenchmark (64), CopyBaselineBenchmark (16)
            "fileSize", "65536");  // PipelineThroughputBenchmark, CopyBaselineBenchmark (4 MiB); ImportBenchmark (64)

    @Test
    void everyBenchmarkRunsOnceAndYieldsAScore() throws IOException, URISyntaxException, RunnerException {
        Map<String, Integer> expected = expectedRuns();
        assertTrue(expected.size() >= 11, "benchmark methods found: " + expected.keySet());

        OptionsBuilder builder = new OptionsBuilder();
        builder.include("org\\.discimage\\.benchmarks\\..*")
                .forks(0)
                .warmupIterations(0)
                .measurementIterations(1)
                .measurementTime(TimeValue.milliseconds(100))
                .shouldFailOnError(true)
                .output(Path.of("target", "jmh-smoke.txt").toString());
        TINY.forEach(builder::param);
        Options options = builder.build();
        Collection<RunResult> results = new Runner(options).run();

        Map<String, Integer> ran = new TreeMap<>();
        for (RunResult r : results) {
            String name = r.getParams().getBenchmark();
            double score = r.getPrimaryResult().getScore();
            assertTrue(Double.isFinite(score) && score > 0, name + " " + r.getParams() + " scored " + score);
            assertTrue(r.getPrimaryResult().getSampleCount() >= 1, name + " has no sample");
            ran.merge(name, 1, Integer::sum);
        }
        assertEquals(expected, ran, "runs per benchmark (one per combination of its parameters)");
    }

    @Test
    void memoryFootprintMeasuresATree() throws Exception {
        MemoryFootprint.Footprint f = MemoryFootprint.measure(2000, Trees.Format.ISO_JOLIET_RR);
        assertEquals(2000, f.entries());
        assertTrue(f.treeBytes() > 0 && f.plannedBytes() > 0, f.toString());
    }

    /**
     * Every {@code @Benchmark} method of the module's compiled classes, with the number of runs JMH makes
     * of it: the product of its class's {@code @Param} value counts, a parameter fixed by {@link #TINY}
     * counting once.
     */
    private static Map<String, Integer> expectedRuns() throws IOException, URISyntaxException {
        Path classes = Path.of(ImportBenchmark.class.getProtectionDomain().getCodeSource().getLocation().toURI());
        Path pkg = classes.resolve("org/discimage/benchmarks");
        Set<String> names;
        try (Stream<Path> files = Files.list(pkg)) {
            names = files.map(p -> p.getFileName().toString())
                    .filter(n -> n.endsWith(".class") && !n.contains("$"))
                    .map(n -> "org.discimage.benchmarks." + n.substring(0, n.length() - ".class".length()))
                    .collect(Collectors.toSet());
        }
        assertFalse(names.isEmpty(), "no classes under " + pkg);
        Map<String, Integer> expected = new TreeMap<>();
        for (String name : names) {
            Class<?> type;
            try {
                type = Class.forName(name);
            } catch (ClassNotFoundException e) {
                throw new AssertionError(name, e);
            }
            int combinations = 1;
            for (Field field : type.getFields()) {
                Param param = field.getAnnotation(Param.class);
                if (param != null && !TINY.containsKey(field.getName())) {
                    combinations *= param.value().length;
                }
            }
            for (Method method : type.getMethods()) {
                if (method.isAnnotationPresent(Benchmark.class)) {
                    expected.put(name + "." + method.getName(), combinations);
                }
            }
        }
        return expected;
    }
}
