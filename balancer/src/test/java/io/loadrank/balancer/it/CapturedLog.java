package io.loadrank.balancer.it;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.apache.logging.log4j.Level;
import org.apache.logging.log4j.LogManager;
import org.apache.logging.log4j.core.LogEvent;
import org.apache.logging.log4j.core.LoggerContext;
import org.apache.logging.log4j.core.appender.AbstractAppender;
import org.apache.logging.log4j.core.config.Property;

/** Every log event of the test JVM from the moment it is installed, to count the lines a test names. */
final class CapturedLog extends AbstractAppender implements AutoCloseable {

    record Line(Level level, String logger, String message) {}

    private final List<Line> lines = new CopyOnWriteArrayList<>();

    private CapturedLog() {
        super("captured", null, null, true, Property.EMPTY_ARRAY);
    }

    static CapturedLog install() {
        CapturedLog appender = new CapturedLog();
        appender.start();
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        // the root only: every configured logger of the test configuration is additive, so it gets their events too
        context.getConfiguration().getRootLogger().addAppender(appender, Level.ALL, null);
        context.updateLoggers();
        return appender;
    }

    @Override
    public void append(LogEvent event) {
        lines.add(new Line(
                event.getLevel(), event.getLoggerName(), event.getMessage().getFormattedMessage()));
    }

    /** Lines of {@code loggerClass} at {@code level} whose message contains {@code text}. */
    List<Line> lines(Class<?> loggerClass, Level level, String text) {
        return lines.stream()
                .filter(line -> line.logger().equals(loggerClass.getName())
                        && line.level() == level
                        && line.message().contains(text))
                .toList();
    }

    /** Every captured line, of every logger and level. */
    List<Line> all() {
        return List.copyOf(lines);
    }

    @Override
    public void close() {
        LoggerContext context = (LoggerContext) LogManager.getContext(false);
        context.getConfiguration().getRootLogger().removeAppender(getName());
        context.updateLoggers();
        stop();
    }
}
