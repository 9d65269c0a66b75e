package cn.dibao.application;

/**
 * What a case list asks for; every criterion is optional and they all apply together. The area
 * scope of the current user always applies on top.
 *
 * @param state          only cases in this state
 * @param assistanceType only cases of this type
 * @param areaCode       only cases under this area (a 12-digit county, township or village code);
 *                       anything else is ignored
 * @param due            only cases with an open deadline overdue, or due soon and none overdue
 * @param mine           only cases the current user accepted or acted on (any timeline entry)
 * @param task           only cases waiting for one of the current user's roles (see {@link ApplicationQueries})
 */
public record ApplicationQuery(ApplicationState state, AssistanceType assistanceType, String areaCode, Due due,
                               boolean mine, boolean task) {

    /** Deadline filters, with the same meaning as the badges of {@link Deadline}. */
    public enum Due {
        /** An open deadline (step, total, 先行救助 paperwork) lies before today. */
        OVERDUE,
        /** None is overdue, and one ends within {@link Deadline#DUE_SOON_WORKING_DAYS} working days. */
        DUE_SOON
    }

    public static ApplicationQuery all() {
        return new ApplicationQuery(null, null, null, null, false, false);
    }

    /** The worklist: what waits for the current user's roles, earliest step due date first. */
    public static ApplicationQuery myTasks() {
        return new ApplicationQuery(null, null, null, null, false, true);
    }

    /** The cases the current user accepted or acted on. */
    public static ApplicationQuery myCases() {
        return new ApplicationQuery(null, null, null, null, true, false);
    }

    public ApplicationQuery withDue(Due due) {
        return new ApplicationQuery(state, assistanceType, areaCode, due, mine, task);
    }
}
