package org.silkgrant.shared;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZonedDateTime;
import java.time.temporal.Temporal;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.Deque;
import java.util.List;
import java.util.stream.Collectors;

import tools.jackson.core.JacksonException;
import tools.jackson.core.JsonParser;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.core.TokenStreamContext;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.core.exc.StreamConstraintsException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.BeanDescription;
import tools.jackson.databind.DeserializationConfig;
import tools.jackson.databind.DeserializationContext;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.KeyDeserializer;
import tools.jackson.databind.ValueDeserializer;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.deser.DeserializationProblemHandler;
import tools.jackson.databind.deser.ValueDeserializerModifier;
import tools.jackson.databind.deser.jdk.StringDeserializer;
import tools.jackson.databind.deser.std.DelegatingDeserializer;
import tools.jackson.databind.exc.InvalidNullException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.jsontype.TypeDeserializer;
import tools.jackson.databind.module.SimpleModule;

/**
 * What clients send is read strictly (docs/security.md "Strict input"): a field the schema does not have, a number
 * for a code, a fraction for a whole number, a duplicate key, anything after the value, an invisible control
 * character (U+0000 … U+001F but tab, line feed and carriage return) in a text, and a date or time outside
 * {@value #MIN_YEAR}–{@value #MAX_YEAR} are refused. Every refusal is turned into field errors that name the path
 * ({@code team.members[0].fullName}) and say in words what is expected, never Jackson's or Java's own text.
 */
public final class StrictJson {

    /** The earliest year a date or time sent by a client may have. */
    public static final int MIN_YEAR = 1900;
    /** The latest year a date or time sent by a client may have. */
    public static final int MAX_YEAR = 2200;
    /** The most digits before the decimal point a number sent by a client may have (10^15 万元 is no budget). */
    public static final int MAX_INTEGER_DIGITS = 15;
    /** The most digits after the decimal point a number sent by a client may have. */
    public static final int MAX_DECIMALS = 20;
    /** How many unknown fields one refusal names at most. */
    static final int MAX_NAMED_UNKNOWN = 20;

    private static final ThreadLocal<List<String[]>> UNKNOWN = new ThreadLocal<>();

    private StrictJson() {
    }

    /** {@code base} (Boot's mapper: modules, inclusion, dates) with the strict reading of client input. */
    public static JsonMapper strict(JsonMapper base) {
        SimpleModule module = new SimpleModule("silkgrant-strict-input");
        module.addDeserializer(String.class, new CleanStringDeserializer());
        module.addKeyDeserializer(String.class, new CleanKeyDeserializer());
        module.setDeserializerModifier(new DateBounds());
        return base.rebuild()
                .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES, DeserializationFeature.FAIL_ON_TRAILING_TOKENS,
                        DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
                .disable(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
                .enable(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
                .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION)
                .addHandler(new UnknownFieldCollector())
                .addModule(module)
                .build();
    }

    /**
     * Binds a tree (a section of an application) to its record with a {@link #strict} mapper; every problem names
     * the field under {@code prefix} ({@code basics.startDate}).
     */
    public static <T> T bind(JsonMapper strict, JsonNode node, Class<T> type, String prefix) {
        return StrictJson.<T, RuntimeException>read(prefix, () -> strict.treeToValue(node, type));
    }

    /**
     * Runs a read with a {@link #strict} mapper, collecting every unknown field instead of stopping at the first:
     * {@link UnknownFieldsException} names them all; any other problem becomes {@link #problem}.
     */
    public static <T, E extends Exception> T read(String prefix, Read<T, E> read) throws E {
        List<String[]> previous = UNKNOWN.get();
        List<String[]> unknown = new ArrayList<>();
        UNKNOWN.set(unknown);
        try {
            T value = read.read();
            if (!unknown.isEmpty()) {
                throw new UnknownFieldsException(unknown.stream().map(u -> new FieldViolationException.Violation(
                        join(prefix, u[0]), "UNKNOWN_FIELD", "input.field.unknown", u[1])).toList());
            }
            return value;
        } catch (JacksonException e) {
            throw problem(e, prefix);
        } finally {
            if (previous == null) {
                UNKNOWN.remove();
            } else {
                UNKNOWN.set(previous);
            }
        }
    }

    /** A read that may fail with {@code E}. */
    @FunctionalInterface
    public interface Read<T, E extends Exception> {
        T read() throws E;
    }

    /** A Jackson refusal as what the client is told: 400 malformed or too large, 400 unknown fields, 422 per field. */
    public static RuntimeException problem(JacksonException e, String prefix) {
        if (e instanceof StreamConstraintsException) {
            return new ContentTooLargeException("input.json.tooComplex");
        }
        if (e instanceof StreamReadException) {
            TokenStreamLocation at = e.getLocation();
            return at == null || at.getLineNr() < 1
                    ? new MalformedRequestException("input.json.malformed.nowhere")
                    : new MalformedRequestException("input.json.malformed", at.getLineNr(), Math.max(at.getColumnNr(), 1));
        }
        if (e instanceof MismatchedInputException && e.getPath().isEmpty() && (prefix == null || prefix.isEmpty())) {
            // The body as a whole: an array where an object belongs, or more after the object.
            return new MalformedRequestException("input.json.oneObject");
        }
        String field = join(prefix, path(e.getPath()));
        if (e instanceof UnrecognizedPropertyException unknown) {
            String name = unknown.getPropertyName();
            String named = field.endsWith(name) ? field : join(field, name);
            return new UnknownFieldsException(List.of(new FieldViolationException.Violation(named, "UNKNOWN_FIELD",
                    "input.field.unknown", known(unknown.getKnownPropertyIds()))));
        }
        if (e instanceof ControlCharacter) {
            return new FieldViolationException(field, "CONTROL_CHARACTER", "input.field.controlCharacter");
        }
        if (e instanceof DateOutOfRange) {
            return new FieldViolationException(field, "RANGE", "input.field.dateRange", MIN_YEAR + "-01-01",
                    MAX_YEAR + "-12-31");
        }
        if (e instanceof DecimalOutOfRange) {
            return decimalRange(field);
        }
        if (e instanceof InvalidNullException) {
            return new FieldViolationException(field, "REQUIRED", "input.field.required");
        }
        if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
            return expected(field, mismatch.getTargetType());
        }
        return new FieldViolationException(field, "INVALID_VALUE", "input.field.invalid");
    }

    /** The field error for a number with too many digits before or after the point ({@code 1e999999999}). */
    public static FieldViolationException decimalRange(String field) {
        return new FieldViolationException(field, "RANGE", "input.field.decimalRange", MAX_INTEGER_DIGITS, MAX_DECIMALS);
    }

    /**
     * Whether a number has at most {@value #MAX_INTEGER_DIGITS} digits before and {@value #MAX_DECIMALS} after the
     * point: beyond, arithmetic on it ({@code 1e999999999} + 1) costs without bound, so it is refused where it enters.
     */
    public static boolean inRange(BigDecimal value) {
        return value == null || (value.precision() - value.scale() <= MAX_INTEGER_DIGITS && value.scale() <= MAX_DECIMALS);
    }

    /** A query or form parameter's number outside {@link #inRange(BigDecimal)}, refused while it is bound. */
    public static final class NumberOutOfRange extends IllegalArgumentException {

        public NumberOutOfRange() {
            super("number out of range");
        }
    }

    /** The field error for a value that is not of {@code type}: a whole number, one of a list of codes … */
    public static FieldViolationException expected(String field, Class<?> type) {
        if (type.isEnum()) {
            return new FieldViolationException(field, "INVALID_VALUE", "input.expected.oneOf",
                    Arrays.stream(type.getEnumConstants()).map(c -> ((Enum<?>) c).name()).collect(Collectors.joining(", ")));
        }
        return new FieldViolationException(field, "INVALID_VALUE", "input.expected." + kind(type));
    }

    /** What a value of the type is called in the messages ({@code input.expected.<kind>}). */
    static String kind(Class<?> type) {
        if (type == String.class || type == Character.class || type == char.class) {
            return "text";
        }
        if (type == Integer.class || type == int.class || type == Long.class || type == long.class || type == Short.class
                || type == short.class || type == Byte.class || type == byte.class || type == BigInteger.class) {
            return "wholeNumber";
        }
        if (type == BigDecimal.class || type == Double.class || type == double.class || type == Float.class
                || type == float.class) {
            return "decimal";
        }
        if (type == Boolean.class || type == boolean.class) {
            return "yesNo";
        }
        if (type == LocalDate.class) {
            return "date";
        }
        if (Temporal.class.isAssignableFrom(type)) {
            return "instant";
        }
        if (type.isArray() || Collection.class.isAssignableFrom(type)) {
            return "list";
        }
        return "object";
    }

    private static String known(Collection<Object> names) {
        return names == null ? "" : names.stream().map(String::valueOf).limit(60).collect(Collectors.joining(", "));
    }

    private static String path(List<JacksonException.Reference> references) {
        StringBuilder path = new StringBuilder();
        for (JacksonException.Reference reference : references) {
            if (reference.getPropertyName() != null) {
                path.append(path.isEmpty() ? "" : ".").append(reference.getPropertyName());
            } else if (reference.getIndex() >= 0) {
                path.append('[').append(reference.getIndex()).append(']');
            }
        }
        return path.toString();
    }

    private static String path(TokenStreamContext context) {
        Deque<String> parts = new ArrayDeque<>();
        for (TokenStreamContext c = context; c != null && !c.inRoot(); c = c.getParent()) {
            if (c.inArray()) {
                parts.push("[" + c.getCurrentIndex() + "]");
            } else if (c.inObject() && c.currentName() != null) {
                parts.push("." + c.currentName());
            }
        }
        String joined = String.join("", parts);
        return joined.startsWith(".") ? joined.substring(1) : joined;
    }

    private static String join(String prefix, String path) {
        if (prefix == null || prefix.isEmpty()) {
            return path == null || path.isEmpty() ? "body" : path;
        }
        if (path == null || path.isEmpty()) {
            return prefix;
        }
        return path.startsWith("[") ? prefix + path : prefix + "." + path;
    }

    /** Whether a text holds a control character other than tab, line feed and carriage return. */
    public static boolean hasControlCharacter(String text) {
        if (text == null) {
            return false;
        }
        for (int i = 0; i < text.length(); i++) {
            if (isRefused(text.charAt(i))) {
                return true;
            }
        }
        return false;
    }

    /** The text without control characters other than tab, line feed and carriage return. */
    public static String withoutControlCharacters(String text) {
        if (!hasControlCharacter(text)) {
            return text;
        }
        StringBuilder clean = new StringBuilder(text.length());
        for (int i = 0; i < text.length(); i++) {
            if (!isRefused(text.charAt(i))) {
                clean.append(text.charAt(i));
            }
        }
        return clean.toString();
    }

    private static boolean isRefused(char c) {
        return (c < 0x20 && c != '\t' && c != '\n' && c != '\r') || c == 0x7f;
    }

    /** Records every unknown field with the fields known there, and skips its value, while a {@link #read} runs. */
    private static final class UnknownFieldCollector extends DeserializationProblemHandler {

        @Override
        public boolean handleUnknownProperty(DeserializationContext ctxt, JsonParser p, ValueDeserializer<?> deserializer,
                Object beanOrClass, String propertyName) {
            List<String[]> unknown = UNKNOWN.get();
            if (unknown == null) {
                return false;
            }
            if (unknown.size() < MAX_NAMED_UNKNOWN) {
                String at = path(p.streamReadContext());
                String field = at.endsWith(propertyName) ? at : (at.isEmpty() ? propertyName : at + "." + propertyName);
                unknown.add(new String[] {field, known(deserializer == null ? null : deserializer.getKnownPropertyNames())});
            }
            p.skipChildren();
            return true;
        }
    }

    /** A text with an invisible control character. */
    static final class ControlCharacter extends MismatchedInputException {

        ControlCharacter(JsonParser p) {
            super(p, "control character in text", String.class);
        }
    }

    /** A number with too many digits before or after the point. */
    static final class DecimalOutOfRange extends MismatchedInputException {

        DecimalOutOfRange(JsonParser p) {
            super(p, "decimal out of range", BigDecimal.class);
        }
    }

    /** A date or time before {@value #MIN_YEAR} or after {@value #MAX_YEAR}. */
    static final class DateOutOfRange extends MismatchedInputException {

        DateOutOfRange(JsonParser p, Class<?> type) {
            super(p, "date out of range", type);
        }
    }

    private static final class CleanStringDeserializer extends StringDeserializer {

        @Override
        public String deserialize(JsonParser p, DeserializationContext ctxt) {
            return clean(p, super.deserialize(p, ctxt));
        }

        @Override
        public String deserializeWithType(JsonParser p, DeserializationContext ctxt, TypeDeserializer typeDeserializer) {
            return clean(p, super.deserializeWithType(p, ctxt, typeDeserializer));
        }

        private static String clean(JsonParser p, String value) {
            if (hasControlCharacter(value)) {
                throw new ControlCharacter(p);
            }
            return value;
        }
    }

    private static final class CleanKeyDeserializer extends KeyDeserializer {

        @Override
        public Object deserializeKey(String key, DeserializationContext ctxt) {
            if (hasControlCharacter(key)) {
                throw new ControlCharacter(ctxt.getParser());
            }
            return key;
        }
    }

    /** Wraps the deserializers of dates and times so that a value outside the years allowed is refused. */
    private static final class DateBounds extends ValueDeserializerModifier {

        private static final List<Class<?>> BOUNDED = List.of(LocalDate.class, LocalDateTime.class, Instant.class,
                OffsetDateTime.class, ZonedDateTime.class);

        @Override
        public ValueDeserializer<?> modifyDeserializer(DeserializationConfig config, BeanDescription.Supplier beanDesc,
                ValueDeserializer<?> deserializer) {
            Class<?> type = beanDesc.getBeanClass();
            if (type == BigDecimal.class) {
                return new BoundedDecimal(deserializer);
            }
            return BOUNDED.contains(type) ? new BoundedDate(deserializer, type) : deserializer;
        }
    }

    private static final class BoundedDecimal extends DelegatingDeserializer {

        BoundedDecimal(ValueDeserializer<?> delegatee) {
            super(delegatee);
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
            return new BoundedDecimal(delegatee);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = super.deserialize(p, ctxt);
            if (value instanceof BigDecimal number && !inRange(number)) {
                throw new DecimalOutOfRange(p);
            }
            return value;
        }
    }

    private static final class BoundedDate extends DelegatingDeserializer {

        private final Class<?> type;

        BoundedDate(ValueDeserializer<?> delegatee, Class<?> type) {
            super(delegatee);
            this.type = type;
        }

        @Override
        protected ValueDeserializer<?> newDelegatingInstance(ValueDeserializer<?> delegatee) {
            return new BoundedDate(delegatee, type);
        }

        @Override
        public Object deserialize(JsonParser p, DeserializationContext ctxt) {
            Object value = super.deserialize(p, ctxt);
            if (!inRange(value)) {
                throw new DateOutOfRange(p, type);
            }
            return value;
        }
    }

    private static final Instant FIRST = Instant.parse(MIN_YEAR + "-01-01T00:00:00Z");
    private static final Instant AFTER_LAST = Instant.parse((MAX_YEAR + 1) + "-01-01T00:00:00Z");

    /** Whether a date or time lies in the years {@value #MIN_YEAR}–{@value #MAX_YEAR} (anything else: true). */
    public static boolean inRange(Object value) {
        Instant instant;
        if (value instanceof LocalDate d) {
            return d.getYear() >= MIN_YEAR && d.getYear() <= MAX_YEAR;
        } else if (value instanceof LocalDateTime d) {
            return d.getYear() >= MIN_YEAR && d.getYear() <= MAX_YEAR;
        } else if (value instanceof Instant i) {
            instant = i;
        } else if (value instanceof OffsetDateTime d) {
            instant = d.toInstant();
        } else if (value instanceof ZonedDateTime d) {
            instant = d.toInstant();
        } else {
            return true;
        }
        return !instant.isBefore(FIRST) && instant.isBefore(AFTER_LAST);
    }
}
