package io.loadrank.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine.IVersionProvider;

/** The text of every program's {@code --version}: the project version the build wrote into common. */
public final class LoadrankVersion implements IVersionProvider {

    /** The project version, e.g. {@code 0.1.0-SNAPSHOT}; "unknown" in a build without the resource. */
    public static String version() {
        Properties properties = new Properties();
        try (InputStream in = LoadrankVersion.class.getResourceAsStream("version.properties")) {
            if (in == null) {
                return "unknown";
            }
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version", "unknown");
    }

    @Override
    public String[] getVersion() {
        return new String[] {"loadrank " + version()};
    }
}
