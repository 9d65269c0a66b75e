package cn.dibao.standard;

import cn.dibao.engine.Programme;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;

import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The time limits, 公示 and sampling share of each programme in a standard version (ADR 0024): 低保 (单人保
 * follows it), 特困, 低保边缘, 刚性支出 and 临时救助. On the page a field is named by its path
 * ({@code procedures.tekun.townshipWd}); in JSON a version carries them as {@code procedures}.
 */
public record ProgrammeProcedures(
        @NotNull(message = "{standard.required}") @Valid ProgrammeProcedure dibao,
        @NotNull(message = "{standard.required}") @Valid ProgrammeProcedure tekun,
        @NotNull(message = "{standard.required}") @Valid ProgrammeProcedure edge,
        @NotNull(message = "{standard.required}") @Valid ProgrammeProcedure rigid,
        @NotNull(message = "{standard.required}") @Valid ProgrammeProcedure tempRelief) {

    /** The programmes with a row of their own, in the order of the form's columns; 单人保 follows 低保. */
    public static final List<Programme> PROGRAMMES = List.of(Programme.DIBAO, Programme.TEKUN, Programme.DIBAO_EDGE,
            Programme.RIGID_EXPENDITURE, Programme.TEMP_RELIEF);

    /** The settings of a programme (单人保: those of 低保). */
    public ProgrammeProcedure of(Programme programme) {
        return switch (programme) {
            case DIBAO, DIBAO_SINGLE -> dibao;
            case TEKUN -> tekun;
            case DIBAO_EDGE -> edge;
            case RIGID_EXPENDITURE -> rigid;
            case TEMP_RELIEF -> tempRelief;
        };
    }

    /** The name of a programme's part of the form and of the JSON ({@code tekun}). */
    public static String section(Programme programme) {
        return switch (programme) {
            case DIBAO, DIBAO_SINGLE -> "dibao";
            case TEKUN -> "tekun";
            case DIBAO_EDGE -> "edge";
            case RIGID_EXPENDITURE -> "rigid";
            case TEMP_RELIEF -> "tempRelief";
        };
    }

    /** The parts of the form in their order. */
    public static List<String> sections() {
        return PROGRAMMES.stream().map(ProgrammeProcedures::section).toList();
    }

    /** The national defaults of every programme. */
    static ProgrammeProcedures defaults() {
        return new ProgrammeProcedures(ProgrammeProcedure.defaults(Programme.DIBAO),
                ProgrammeProcedure.defaults(Programme.TEKUN), ProgrammeProcedure.defaults(Programme.DIBAO_EDGE),
                ProgrammeProcedure.defaults(Programme.RIGID_EXPENDITURE),
                ProgrammeProcedure.defaults(Programme.TEMP_RELIEF));
    }

    /** One entry per programme, as the rows of {@code standard_procedure}. */
    Map<Programme, ProgrammeProcedure> asMap() {
        Map<Programme, ProgrammeProcedure> m = new EnumMap<>(Programme.class);
        PROGRAMMES.forEach(p -> m.put(p, of(p)));
        return m;
    }

    /** From the rows of a version; every programme has one (V20 fills in the defaults of a row inserted without). */
    static ProgrammeProcedures from(long standardId, Map<Programme, ProgrammeProcedure> rows) {
        for (Programme p : PROGRAMMES) {
            if (rows.get(p) == null) {
                throw new IllegalStateException("standard " + standardId + " has no procedure for " + p);
            }
        }
        return new ProgrammeProcedures(rows.get(Programme.DIBAO), rows.get(Programme.TEKUN),
                rows.get(Programme.DIBAO_EDGE), rows.get(Programme.RIGID_EXPENDITURE),
                rows.get(Programme.TEMP_RELIEF));
    }
}
