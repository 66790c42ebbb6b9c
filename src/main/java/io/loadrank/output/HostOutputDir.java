package io.loadrank.output;

import io.loadrank.config.ConfigException;
import java.nio.file.Path;

/**
 * The output directory a worker writes into: the topology's {@code loadrank.output.dir}, unless the
 * host the worker runs on names its own with the system property {@code loadrank.output.dir} (on a
 * Storm cluster: in the Supervisor's {@code worker.childopts}). The topology's setting is one value
 * for every host; a host whose disks are laid out differently, or several Supervisors sharing one
 * machine, need a directory of their own, and only the host knows it.
 */
public final class HostOutputDir {

    /** The system property a host sets, in the Supervisor's {@code worker.childopts}. */
    public static final String PROPERTY = "loadrank.output.dir";

    private HostOutputDir() {}

    /** The directory of this JVM: the host's, when its system property is set. */
    public static Path of(String topologySetting) {
        return choose(topologySetting, System.getProperty(PROPERTY));
    }

    /**
     * @param topologySetting the topology's {@code loadrank.output.dir} (made absolute at submission)
     * @param hostSetting the host's directory, or null (unset) to use the topology's
     * @throws ConfigException when the host's directory is blank or relative: a worker runs in a
     *     directory of Storm's that changes with every start, so a relative path would scatter files
     */
    static Path choose(String topologySetting, String hostSetting) {
        if (hostSetting == null) {
            return Path.of(topologySetting);
        }
        if (hostSetting.isBlank() || !Path.of(hostSetting).isAbsolute()) {
            throw new ConfigException(
                    "-D" + PROPERTY, hostSetting, "an absolute directory path (in the Supervisor's worker.childopts)");
        }
        return Path.of(hostSetting).normalize();
    }
}
