package org.onewindow.core.casework;

import org.onewindow.core.catalogue.RequiredMaterial;

/**
 * One line of a case's materials checklist.
 *
 * @param evidence     what satisfied it (null while missing or waived)
 * @param waiverReason why the clerk finished without it (only for WAIVED)
 */
public record ChecklistEntry(RequiredMaterial material, Status status, MaterialEvidence evidence, String waiverReason) {

    public enum Status {
        MISSING,
        /** Satisfied by evidence captured in this case. */
        SATISFIED,
        /** Satisfied by evidence verified for this citizen in an earlier case (not asked for again). */
        REUSED,
        /** Missing, with the clerk's recorded reason. */
        WAIVED
    }

    public boolean done() {
        return status != Status.MISSING;
    }
}
