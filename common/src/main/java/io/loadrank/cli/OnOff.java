package io.loadrank.cli;

import picocli.CommandLine.ITypeConverter;

/**
 * A switch's value when one is given ({@code --max-speed=off}): true/on/yes or false/off/no, as the
 * scripts have always been allowed to write it; picocli's own converter takes only true/false.
 */
public final class OnOff implements ITypeConverter<Boolean> {

    @Override
    public Boolean convert(String value) {
        return switch (value) {
            case "true", "on", "yes" -> true;
            case "false", "off", "no" -> false;
            default -> throw new NotAllowedConversion(value, "one of true, on, yes, false, off, no");
        };
    }
}
