package cn.dibao.standard;

import cn.dibao.engine.Programme;
import jakarta.validation.Valid;

import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The property limits of the programmes that may differ from 低保 (ADR 0019), rows of {@code standard_property}:
 * 特困, 低保边缘, 刚性支出 and 单人保 (the person's own assets, as a household of one); null: the 低保 limits. In
 * JSON a version carries them as {@code propertyByProgramme}; on the page a programme's limits are used only
 * when its "own limits" box is ticked.
 */
public record ProgrammeProperty(@Valid PropertyLimits tekun, @Valid PropertyLimits edge, @Valid PropertyLimits rigid,
                                @Valid PropertyLimits single) {

    public static final List<Programme> PROGRAMMES = List.of(Programme.TEKUN, Programme.DIBAO_EDGE,
            Programme.RIGID_EXPENDITURE, Programme.DIBAO_SINGLE);

    public static final List<String> SECTIONS = List.of("tekun", "edge", "rigid", "single");

    static ProgrammeProperty none() {
        return new ProgrammeProperty(null, null, null, null);
    }

    public PropertyLimits of(Programme p) {
        return switch (p) {
            case TEKUN -> tekun;
            case DIBAO_EDGE -> edge;
            case RIGID_EXPENDITURE -> rigid;
            case DIBAO_SINGLE -> single;
            case DIBAO, TEMP_RELIEF -> null;
        };
    }

    /** The sections with limits of their own ({@code tekun}, …). */
    public Set<String> own() {
        Set<String> own = new LinkedHashSet<>();
        for (int i = 0; i < PROGRAMMES.size(); i++) {
            if (of(PROGRAMMES.get(i)) != null) {
                own.add(SECTIONS.get(i));
            }
        }
        return own;
    }

    /** For the page: every programme filled, those without limits of their own with the 低保 limits. */
    public ProgrammeProperty filled(PropertyLimits dibao) {
        return new ProgrammeProperty(tekun == null ? dibao : tekun, edge == null ? dibao : edge,
                rigid == null ? dibao : rigid, single == null ? dibao : single);
    }

    /** Only the sections named keep their limits; the others follow 低保 (the page's unticked boxes). */
    public ProgrammeProperty keepOnly(Set<String> sections) {
        return new ProgrammeProperty(sections.contains("tekun") ? tekun : null, sections.contains("edge") ? edge : null,
                sections.contains("rigid") ? rigid : null, sections.contains("single") ? single : null);
    }

    Map<Programme, PropertyLimits> asMap() {
        Map<Programme, PropertyLimits> m = new EnumMap<>(Programme.class);
        PROGRAMMES.forEach(p -> {
            if (of(p) != null) {
                m.put(p, of(p));
            }
        });
        return m;
    }

    static ProgrammeProperty from(Map<Programme, PropertyLimits> rows) {
        return new ProgrammeProperty(rows.get(Programme.TEKUN), rows.get(Programme.DIBAO_EDGE),
                rows.get(Programme.RIGID_EXPENDITURE), rows.get(Programme.DIBAO_SINGLE));
    }
}
