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
        @NotNull(message = "{standard.required}") @Valid IncomeExclusions incomeExclusions) {

    /**
     * National defaults (the column defaults of V3) for an area without any version yet; the
     * 低保 and 特困 amounts are local and left empty.
     */
    public static StandardForm defaults(String areaCode, YearMonth effectiveFrom) {
        return new StandardForm(areaCode, null, effectiveFrom, null, DibaoRules.defaults(), TopUps.defaults(),
                PropertyLimits.defaults(), TekunSupport.defaults(), EdgeAndSingle.defaults(),
                RigidExpenditure.defaults(), TempRelief.defaults(), Reviews.defaults(), Procedure.defaults(),
                ProgrammeProcedures.defaults(), IncomeExclusions.defaults());
    }

    /** Every value of an existing version, e.g. to edit it or to start the next one from it. */
    public static StandardForm from(StandardVersion v) {
        return new StandardForm(v.areaCode(), v.hukouType(), v.effectiveFrom(), v.note(), v.dibao(), v.topUps(),
                v.property(), v.tekun(), v.edge(), v.rigid(), v.tempRelief(), v.reviews(), v.procedure(),
                v.procedures(), v.incomeExclusions());
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
                tempRelief, reviews, procedure, procedures, incomeExclusions);
    }
}
