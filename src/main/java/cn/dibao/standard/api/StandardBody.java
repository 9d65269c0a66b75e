package cn.dibao.standard.api;

import cn.dibao.common.error.DomainException;
import cn.dibao.common.error.InvalidFieldsException;
import cn.dibao.standard.StandardForm;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Path;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;
import org.springframework.validation.MapBindingResult;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

import java.lang.reflect.RecordComponent;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A version as the API writes it: the flat object the API answers ({@code StandardVersion}, one
 * field per parameter, ADR 0007), read into the admin form's {@link StandardForm} field by field,
 * so that every problem of a body comes at once, named as the API names the field: a field a
 * version does not have, a read-only one changed, a parameter left out (a version is complete; an
 * empty optional parameter is sent as null), a value of the wrong type; then the form's own Bean
 * Validation. The sections and their parameters are read off the form's records, so a new
 * parameter needs nothing here.
 */
@Component
class StandardBody {

    /** The form's own fields besides its sections; the area comes from the body only on a create. */
    private static final Set<String> HEAD = Set.of("hukouType", "effectiveFrom", "note");
    /** What the API answers but a client does not write. */
    static final Set<String> READ_ONLY = Set.of("id", "areaCode", "version", "status", "inForceNow", "editable", "used");

    /** Each section of the form (dibao, topUps, …) with its record's components, in the form's order. */
    private static final Map<RecordComponent, RecordComponent[]> SECTIONS = new LinkedHashMap<>();
    private static final Map<String, RecordComponent> PARAMETERS = new HashMap<>();
    /**
     * Sections the API answers as one nested object, not flat: those made only of records (the time
     * limits per programme, {@code procedures.tekun.townshipWd}, ADR 0024). Read whole, named by path.
     */
    private static final Map<String, RecordComponent> NESTED = new LinkedHashMap<>();

    static {
        for (RecordComponent c : StandardForm.class.getRecordComponents()) {
            if (c.getType().isRecord() && java.util.Arrays.stream(c.getType().getRecordComponents())
                    .allMatch(x -> x.getType().isRecord())) {
                NESTED.put(c.getName(), c);
            } else if (c.getType().isRecord()) {
                SECTIONS.put(c, c.getType().getRecordComponents());
                for (RecordComponent p : c.getType().getRecordComponents()) {
                    PARAMETERS.put(p.getName(), p);
                }
            }
        }
    }

    private final JsonMapper json;
    private final Validator validator;

    StandardBody(JsonMapper json, Validator validator) {
        this.json = json;
        this.validator = validator;
    }

    /** A new version: the area is the body's {@code areaCode}. */
    StandardForm forCreate(JsonNode body) {
        MapBindingResult errors = errors();
        String areaCode = null;
        JsonNode area = object(body).get("areaCode");
        if (area == null || area.isNull() || !area.isString() || area.asString().isBlank()) {
            errors.rejectValue("areaCode", "standard.area.required");
        } else {
            areaCode = area.asString().strip();
        }
        for (String name : body.propertyNames()) {
            if (!name.equals("areaCode") && !writable(name)) {
                errors.rejectValue(name, READ_ONLY.contains(name) ? "error.field.readOnly" : "error.field.unknown");
            }
        }
        return form(body, areaCode, errors);
    }

    /**
     * A change of {@code current} (its flat JSON as the API answers it): the version read is
     * {@code version}; the other read-only fields may be sent back unchanged.
     */
    Update forUpdate(JsonNode body, JsonNode current, String areaCode) {
        MapBindingResult errors = errors();
        Long version = null;
        JsonNode v = object(body).get("version");
        if (v == null || v.isNull()) {
            errors.rejectValue("version", "version.required");
        } else if (!v.isIntegralNumber()) {
            errors.rejectValue("version", "error.field.invalid");
        } else {
            version = v.asLong();
        }
        for (String name : body.propertyNames()) {
            if (name.equals("version") || writable(name)) {
                continue;
            }
            if (!current.has(name) || !READ_ONLY.contains(name)) {
                errors.rejectValue(name, "error.field.unknown");
            } else if (!same(body.get(name), current.get(name))) {
                errors.rejectValue(name, "error.field.readOnly");
            }
        }
        return new Update(form(body, areaCode, errors), version);
    }

    record Update(StandardForm form, Long version) {
    }

    /** A rule of the service names a field by its path in the form ({@code tekun.tekunBasic}): the API names it flat. */
    static DomainException flat(DomainException e) {
        if (e.getClass() != DomainException.class || e.field() == null || !e.field().contains(".")
                || NESTED.containsKey(e.field().substring(0, e.field().indexOf('.')))) {
            return e;
        }
        DomainException flat = new DomainException(e.field().substring(e.field().lastIndexOf('.') + 1),
                e.messageKey(), e.args());
        flat.initCause(e);
        return flat;
    }

    private StandardForm form(JsonNode body, String areaCode, MapBindingResult errors) {
        Map<String, Object> head = new HashMap<>();
        for (String name : HEAD) {
            head.put(name, value(body, name, type(name), false, errors));
        }
        Map<String, Object> sections = new HashMap<>();
        for (Map.Entry<RecordComponent, RecordComponent[]> s : SECTIONS.entrySet()) {
            Object[] values = new Object[s.getValue().length];
            for (int i = 0; i < values.length; i++) {
                RecordComponent p = s.getValue()[i];
                values[i] = value(body, p.getName(), p.getType(), true, errors);
            }
            sections.put(s.getKey().getName(), errors.hasErrors() ? null
                    : construct(s.getKey().getType(), s.getValue(), values));
        }
        for (RecordComponent n : NESTED.values()) {
            sections.put(n.getName(), nested(body, n, errors));
        }
        if (errors.hasErrors()) {
            throw new InvalidFieldsException(errors);
        }
        StandardForm form = construct(head, areaCode, sections);
        for (ConstraintViolation<StandardForm> violation : validator.validate(form)) {
            // the message is already in the user's language; no code of ours resolves
            errors.rejectValue(name(violation.getPropertyPath()), "standard.api.constraint", violation.getMessage());
        }
        if (errors.hasErrors()) {
            throw new InvalidFieldsException(errors);
        }
        return form;
    }

    private Object value(JsonNode body, String name, Class<?> type, boolean required, MapBindingResult errors) {
        JsonNode node = body.get(name);
        if (node == null) {
            if (required) {
                errors.rejectValue(name, "standard.api.missing");
            }
            return null;
        }
        if (node.isNull()) {
            if (type.isPrimitive()) {
                errors.rejectValue(name, "error.field.invalid");
            }
            return null;
        }
        boolean whole = type == Integer.class || type == int.class || type == Short.class || type == Long.class;
        if (node.isContainer() || whole && node.isNumber() && !isWhole(node.decimalValue())
                || type == boolean.class && !node.isBoolean()) {
            errors.rejectValue(name, "error.field.invalid");
            return null;
        }
        try {
            return json.treeToValue(node, type);
        } catch (JacksonException | IllegalArgumentException e) {
            errors.rejectValue(name, "error.field.invalid");
            return null;
        }
    }

    /** A nested section read whole; a field it does not have or a value of the wrong type names the section. */
    private Object nested(JsonNode body, RecordComponent section, MapBindingResult errors) {
        JsonNode node = body.get(section.getName());
        if (node == null || node.isNull()) {
            errors.rejectValue(section.getName(), "standard.api.missing");
            return null;
        }
        if (!node.isObject()) {
            errors.rejectValue(section.getName(), "error.field.invalid");
            return null;
        }
        if (unknownFields(node, section.getType(), section.getName(), errors)) {
            return null;
        }
        try {
            return json.treeToValue(node, section.getType());
        } catch (JacksonException | IllegalArgumentException e) {
            errors.rejectValue(section.getName(), "error.field.invalid");
            return null;
        }
    }

    /**
     * A field a nested section (or one of its records) does not have is refused by its path
     * ({@code propertyByProgramme.edge.colour}), never ignored.
     */
    private static boolean unknownFields(JsonNode node, Class<?> type, String path, MapBindingResult errors) {
        boolean unknown = false;
        for (String name : node.propertyNames()) {
            RecordComponent c = java.util.Arrays.stream(type.getRecordComponents())
                    .filter(x -> x.getName().equals(name)).findFirst().orElse(null);
            if (c == null) {
                errors.rejectValue(path + "." + name, "error.field.unknown");
                unknown = true;
            } else if (c.getType().isRecord() && node.get(name).isObject()) {
                unknown |= unknownFields(node.get(name), c.getType(), path + "." + name, errors);
            }
        }
        return unknown;
    }

    private static boolean isWhole(BigDecimal d) {
        return d.signum() == 0 || d.stripTrailingZeros().scale() <= 0;
    }

    private static boolean writable(String name) {
        return HEAD.contains(name) || PARAMETERS.containsKey(name) || NESTED.containsKey(name);
    }

    private static Class<?> type(String headField) {
        for (RecordComponent c : StandardForm.class.getRecordComponents()) {
            if (c.getName().equals(headField)) {
                return c.getType();
            }
        }
        throw new IllegalStateException("StandardForm has no " + headField);
    }

    /** Numbers compare by value (an id read back as 7 or 7.0), anything else as JSON. */
    private static boolean same(JsonNode sent, JsonNode current) {
        if (sent.isNumber() && current.isNumber()) {
            return sent.decimalValue().compareTo(current.decimalValue()) == 0;
        }
        return sent.equals(current);
    }

    /** A flat parameter by its name; one of a nested section by its path ({@code procedures.tekun.townshipWd}). */
    private static String name(Path path) {
        List<String> names = new ArrayList<>();
        for (Path.Node n : path) {
            names.add(n.getName());
        }
        return NESTED.containsKey(names.get(0)) ? String.join(".", names) : names.get(names.size() - 1);
    }

    private static JsonNode object(JsonNode body) {
        if (body == null || !body.isObject()) {
            throw DomainException.global("standard.api.object");
        }
        return body;
    }

    private static MapBindingResult errors() {
        return new MapBindingResult(new HashMap<>(), "standard");
    }

    private static StandardForm construct(Map<String, Object> head, String areaCode, Map<String, Object> sections) {
        List<Object> args = new ArrayList<>();
        for (RecordComponent c : StandardForm.class.getRecordComponents()) {
            args.add(c.getName().equals("areaCode") ? areaCode : c.getType().isRecord() ? sections.get(c.getName())
                    : head.get(c.getName()));
        }
        return construct(StandardForm.class, StandardForm.class.getRecordComponents(), args.toArray());
    }

    private static <T> T construct(Class<T> type, RecordComponent[] components, Object[] values) {
        Class<?>[] types = new Class<?>[components.length];
        for (int i = 0; i < components.length; i++) {
            types[i] = components[i].getType();
        }
        try {
            return type.getDeclaredConstructor(types).newInstance(values);
        } catch (ReflectiveOperationException e) {
            throw new IllegalStateException("cannot build " + type.getSimpleName(), e);
        }
    }
}
