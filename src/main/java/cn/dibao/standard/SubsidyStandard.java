package cn.dibao.standard;

import cn.dibao.common.jpa.AuditedEntity;
import cn.dibao.engine.Programme;
import cn.dibao.household.ExclusionReason;
import cn.dibao.household.HukouType;
import jakarta.persistence.CollectionTable;
import jakarta.persistence.Column;
import jakarta.persistence.ElementCollection;
import jakarta.persistence.Embedded;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.MapKeyColumn;
import jakarta.persistence.MapKeyEnumerated;
import jakarta.persistence.Table;
import lombok.AccessLevel;
import lombok.Getter;
import lombok.NoArgsConstructor;

import java.time.LocalDate;
import java.time.YearMonth;
import java.util.EnumMap;
import java.util.Map;

/**
 * One row of {@code subsidy_standard}: a version of an area's local standard (V3). The parameters
 * are embedded section records; each maps its own columns, named as its fields. The time limits, 公示
 * and sampling share of each programme are rows of {@code standard_procedure}, part of the version
 * (a change to them is a change of the version and moves its {@code version}; ADR 0024).
 */
@Entity
@Table(name = "subsidy_standard")
@Getter
@NoArgsConstructor(access = AccessLevel.PROTECTED)
class SubsidyStandard extends AuditedEntity {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    private Long id;

    @Column(nullable = false, length = 12, updatable = false)
    private String areaCode;
    @Enumerated(EnumType.STRING)
    @Column(length = 5)
    private HukouType hukouType;
    /** Always the first day of a month. */
    @Column(nullable = false)
    private LocalDate effectiveFrom;
    @Column(length = 200)
    private String note;

    @Embedded
    private DibaoRules dibao;
    @Embedded
    private TopUps topUps;
    @Embedded
    private PropertyLimits property;
    @Embedded
    private TekunSupport tekun;
    @Embedded
    private EdgeAndSingle edge;
    @Embedded
    private RigidExpenditure rigid;
    @Embedded
    private TempRelief tempRelief;
    @Embedded
    private Reviews reviews;
    @Embedded
    private Procedure procedure;
    @ElementCollection
    @CollectionTable(name = "standard_procedure", joinColumns = @JoinColumn(name = "standard_id"))
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "programme", length = 20)
    private Map<Programme, ProgrammeProcedure> procedures = new EnumMap<>(Programme.class);
    @Embedded
    private SinglePerson single;
    /** The programmes with property limits of their own (ADR 0019); absent: the 低保 limits. */
    @ElementCollection
    @CollectionTable(name = "standard_property", joinColumns = @JoinColumn(name = "standard_id"))
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "programme", length = 20)
    private Map<Programme, PropertyLimits> propertyByProgramme = new EnumMap<>(Programme.class);
    /** Per exclusion category of income, for which programmes it is left out and until when (ADR 0021). */
    @ElementCollection
    @CollectionTable(name = "standard_income_exclusion", joinColumns = @JoinColumn(name = "standard_id"))
    @MapKeyEnumerated(EnumType.STRING)
    @MapKeyColumn(name = "category", length = 30)
    private Map<ExclusionReason, IncomeExclusion> incomeExclusions = new EnumMap<>(ExclusionReason.class);

    SubsidyStandard(String areaCode, StandardForm form) {
        this.areaCode = areaCode;
        apply(form);
    }

    YearMonth month() {
        return YearMonth.from(effectiveFrom);
    }

    /** Takes every value of a validated form except the area, which a version never changes. */
    void apply(StandardForm f) {
        this.hukouType = f.hukouType();
        this.effectiveFrom = f.effectiveFrom().atDay(1);
        this.note = f.note();
        this.dibao = f.dibao();
        this.topUps = f.topUps();
        this.property = f.property();
        this.tekun = f.tekun();
        this.edge = f.edge();
        this.rigid = f.rigid();
        this.tempRelief = f.tempRelief();
        this.reviews = f.reviews();
        this.procedure = f.procedure();
        // only the rows that differ: an unchanged programme is no change of the version
        f.procedures().asMap().forEach((programme, values) -> {
            if (!values.equals(procedures.get(programme))) {
                procedures.put(programme, values);
            }
        });
        this.single = f.single();
        Map<Programme, PropertyLimits> limits = f.propertyByProgramme().asMap();
        propertyByProgramme.keySet().retainAll(limits.keySet());
        limits.forEach((programme, values) -> {
            if (!values.equals(propertyByProgramme.get(programme))) {
                propertyByProgramme.put(programme, values);
            }
        });
        f.incomeExclusions().asMap().forEach((category, values) -> {
            if (!values.equals(incomeExclusions.get(category))) {
                incomeExclusions.put(category, values);
            }
        });
    }

    StandardVersion view() {
        return new StandardVersion(id, areaCode, hukouType, month(), note, dibao, topUps, property, tekun, edge,
                rigid, tempRelief, reviews, procedure, ProgrammeProcedures.from(id, procedures), single,
                ProgrammeProperty.from(propertyByProgramme), IncomeExclusions.from(id, incomeExclusions), getVersion());
    }
}
