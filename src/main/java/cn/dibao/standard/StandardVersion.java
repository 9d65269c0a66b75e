package cn.dibao.standard;

import cn.dibao.engine.Programme;
import cn.dibao.household.HukouType;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import java.time.YearMonth;

/**
 * One version of a local standard (地方标准): the full parameter set of an area (a county, or a
 * township overriding its county) for urban, rural or both ({@code hukouType} null) households,
 * from {@code effectiveFrom} on. The parameters come in the sections of the regulation, one
 * record each ({@link DibaoRules}, {@link TopUps}, {@link PropertyLimits}, {@link TekunSupport},
 * {@link EdgeAndSingle}, {@link RigidExpenditure}, {@link TempRelief}, {@link Reviews},
 * {@link Procedure}); a parameter is named as its column of {@code subsidy_standard} in camelCase;
 * money in yuan, percentages as 0–100, time limits in working days. In JSON the sections are
 * unwrapped: one flat object with one field per parameter, as the API has always answered; only the
 * time limits, 公示 and sampling share of each programme ({@link ProgrammeProcedures}, ADR 0024) are one
 * object per programme under {@code procedures}, the property limits of the programmes with limits of
 * their own under {@code propertyByProgramme} (ADR 0019), and the income exclusions of each category
 * ({@link IncomeExclusions}, ADR 0021) one object per category under {@code incomeExclusions}.
 */
public record StandardVersion(
        long id,
        String areaCode,
        HukouType hukouType,
        YearMonth effectiveFrom,
        String note,
        @JsonUnwrapped DibaoRules dibao,
        @JsonUnwrapped TopUps topUps,
        @JsonUnwrapped PropertyLimits property,
        @JsonUnwrapped TekunSupport tekun,
        @JsonUnwrapped EdgeAndSingle edge,
        @JsonUnwrapped RigidExpenditure rigid,
        @JsonUnwrapped TempRelief tempRelief,
        @JsonUnwrapped Reviews reviews,
        @JsonUnwrapped Procedure procedure,
        ProgrammeProcedures procedures,
        @JsonUnwrapped SinglePerson single,
        ProgrammeProperty propertyByProgramme,
        IncomeExclusions incomeExclusions,
        long version) {

    /** The time limits, 公示 and sampling share of a programme (单人保: those of 低保). */
    public ProgrammeProcedure procedureOf(Programme programme) {
        return procedures.of(programme);
    }
}
