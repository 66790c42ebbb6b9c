package io.loadrank.rankingfile;

import com.google.gson.GsonBuilder;
import com.google.gson.JsonElement;
import com.google.gson.JsonParseException;
import com.google.gson.JsonParser;
import com.google.gson.TypeAdapter;
import com.google.gson.stream.JsonReader;
import com.google.gson.stream.JsonToken;
import com.google.gson.stream.JsonWriter;
import java.io.IOException;

/**
 * Text, flags and numbers read only from JSON of their own type. Gson's own adapters turn a number
 * into text, {@code "yes"} into false and {@code "12"} into 12; a ranking read that way could steer
 * load by a value nobody wrote. A refusal names the field's path ({@code hosts[0].dcScore}) and the
 * value.
 */
final class StrictJsonTypes {

    private StrictJsonTypes() {}

    static GsonBuilder register(GsonBuilder gson) {
        TypeAdapter<String> text = reading(JsonToken.STRING, "a string", JsonReader::nextString);
        TypeAdapter<Boolean> flag = reading(JsonToken.BOOLEAN, "true or false", JsonReader::nextBoolean);
        TypeAdapter<Double> number = reading(JsonToken.NUMBER, "a number", JsonReader::nextDouble);
        return gson.registerTypeAdapter(String.class, text)
                .registerTypeAdapter(Boolean.class, flag)
                .registerTypeAdapter(boolean.class, flag)
                .registerTypeAdapter(Double.class, number)
                .registerTypeAdapter(double.class, number);
    }

    @FunctionalInterface
    private interface Read<T> {
        T read(JsonReader in) throws IOException;
    }

    private static <T> TypeAdapter<T> reading(JsonToken token, String allowed, Read<T> read) {
        return new TypeAdapter<T>() {
            @Override
            public T read(JsonReader in) throws IOException {
                JsonToken next = in.peek();
                if (next == JsonToken.NULL) {
                    in.nextNull();
                    return null;
                }
                String path = in.getPath().replaceFirst("^\\$\\.?", "");
                if (next != token) {
                    JsonElement value = JsonParser.parseReader(in);
                    throw new JsonParseException(path + " is not " + allowed + ": " + value);
                }
                return read.read(in);
            }

            @Override
            public void write(JsonWriter out, T value) {
                throw new UnsupportedOperationException("ranking files are read here, never written");
            }
        };
    }
}
