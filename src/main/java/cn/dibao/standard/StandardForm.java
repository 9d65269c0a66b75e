package cn.dibao.standard;

import cn.dibao.household.HukouType;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

import java.time.YearMonth;

/**
 * A version of a local standard as an administrator enters it: the month, hukou type and note,
 * and one section record per part of the regulation, whose fields carry their single-field
 * ranges (they mirror the checks of V3); on the page a field is named by its path, e.g.
 * {@code dibao.dibaoStandard}, a programme's time limit by its programme's part
 * ({@code procedures.tekun.townshipWd}). Rules across fields (特困 ≥ 1.3 × 低保, extended ≥ total time
 * limit, a percentage top-up ≤ 100, no two versions for the same area, hukou and month) are
 * checked by {@link StandardService}. {@code hukouType} null means urban and rural alike.
 */
public record StandardForm(
        String areaCode,
        HukouType hukouType,
        @NotNull(message = "{standard.effectiveFrom.required}") YearMonth effectiveFrom,
        @Size(max = 200, message = "{common.tooLong200}") String note,
        @NotNull(message = "{standard.required}") @Valid DibaoRules dibao,
        @NotNull(message = "{standard.required}") @Valid TopUps topUps,
        @NotNull(message = "{standard.required}") @Valid PropertyLimits property,
        @NotNull(message = "{standard.required}") @Valid TekunSupport tekun,
        @NotNull(message = "{standard.required}") @Valid EdgeAndSingle edge,
        @NotNull(message = "{standard.required}") @Valid RigidExpenditure rigid,
        @NotNull(message = "{standard.required}") @Valid TempRelief tempRelief,
        @NotNull(message = "{standard.required}") @Valid Reviews reviews,
        @NotNull(message = "{standard.required}") @Valid Procedure procedure,
        @NotNull(message = "{standard.required}") @Valid ProgrammeProcedures procedures,
        @NotNull(message = "{standard.required}") @Valid SinglePerson single,
        @NotNull(message = "{standard.required}") @Valid ProgrammeProperty propertyByProgramme,
        @NotNull(message = "{standard.required}") @Valid IncomeExclusions incomeExclusions) {

    /**
     * National defaults (the column defaults of V3) for an area without any version yet; the
     * 低保 and 特困 amounts are local and left empty.
     */
    public static StandardForm defaults(String areaCode, YearMonth effectiveFrom) {
        return new StandardForm(areaCode, null, effectiveFrom, null, DibaoRules.defaults(), TopUps.defaults(),
                PropertyLimits.defaults(), TekunSupport.defaults(), EdgeAndSingle.defaults(),
                RigidExpenditure.defaults(), TempRelief.defaults(), Reviews.defaults(), Procedure.defaults(),
                ProgrammeProcedures.defaults(), SinglePerson.defaults(), ProgrammeProperty.none(),
                IncomeExclusions.defaults());
    }

    /** Every value of an existing version, e.g. to edit it or to start the next one from it. */
    public static StandardForm from(StandardVersion v) {
        return new StandardForm(v.areaCode(), v.hukouType(), v.effectiveFrom(), v.note(), v.dibao(), v.topUps(),
                v.property(), v.tekun(), v.edge(), v.rigid(), v.tempRelief(), v.reviews(), v.procedure(),
                v.procedures(), v.single(), v.propertyByProgramme(), v.incomeExclusions());
    }

    /** The same parameters for another area and month (a new version started from this one), without the note. */
    public StandardForm forNewVersion(String newAreaCode, YearMonth month) {
        return copy(newAreaCode, month, null);
    }

    /** The same values for the given area (the page's URL decides the area, not a form field). */
    public StandardForm withAreaCode(String code) {
        return copy(code, effectiveFrom, note);
    }

    private StandardForm copy(String code, YearMonth month, String newNote) {
        return new StandardForm(code, hukouType, month, newNote, dibao, topUps, property, tekun, edge, rigid,
                tempRelief, reviews, procedure, procedures, single, propertyByProgramme, incomeExclusions);
    }

    /** Whether a whole section was not sent (a hand-made or truncated post): refused, but the page cannot draw it. */
    public boolean missesASection() {
        return dibao == null || topUps == null || property == null || tekun == null || edge == null || rigid == null
                || tempRelief == null || reviews == null || procedure == null || procedures == null || single == null
                || propertyByProgramme == null || incomeExclusions == null;
    }

    /** The sections that were sent, and {@code d}'s for those that were not: only to draw a refused form again. */
    public StandardForm withMissingSectionsFrom(StandardForm d) {
        return new StandardForm(areaCode, hukouType, effectiveFrom, note, or(dibao, d.dibao), or(topUps, d.topUps),
                or(property, d.property), or(tekun, d.tekun), or(edge, d.edge), or(rigid, d.rigid),
                or(tempRelief, d.tempRelief), or(reviews, d.reviews), or(procedure, d.procedure),
                or(procedures, d.procedures), or(single, d.single), or(propertyByProgramme, d.propertyByProgramme),
                or(incomeExclusions, d.incomeExclusions));
    }

    private static <T> T or(T sent, T fallback) {
        return sent == null ? fallback : sent;
    }

    /** The same values with other programme property limits (the page's "own limits" boxes, ADR 0019). */
    public StandardForm withPropertyByProgramme(ProgrammeProperty limits) {
        return new StandardForm(areaCode, hukouType, effectiveFrom, note, dibao, topUps, property, tekun, edge, rigid,
                tempRelief, reviews, procedure, procedures, single, limits, incomeExclusions);
    }
}
