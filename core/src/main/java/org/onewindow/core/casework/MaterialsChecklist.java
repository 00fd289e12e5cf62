package org.onewindow.core.casework;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.onewindow.core.catalogue.RequiredMaterial;
import org.onewindow.core.catalogue.ServiceItem;

/**
 * The materials of one service item and what satisfies each, as the case goes on. Evidence ticks the
 * first open material that accepts it; evidence verified in an earlier case is offered for reuse; a
 * required material can only be left out with a recorded reason. Not thread-safe: owned by one view model.
 */
public final class MaterialsChecklist {
    private final ServiceItem item;
    private final List<ChecklistEntry> entries = new ArrayList<>();
    private final List<MaterialEvidence> offeredForReuse = new ArrayList<>();

    public MaterialsChecklist(ServiceItem item) {
        this.item = item;
        for (RequiredMaterial m : item.materials()) {
            entries.add(new ChecklistEntry(m, ChecklistEntry.Status.MISSING, null, null));
        }
    }

    public ServiceItem item() {
        return item;
    }

    public List<ChecklistEntry> entries() {
        return List.copyOf(entries);
    }

    /**
     * New evidence from this case: ticks the first material still open (or waived) that accepts it.
     * Returns the entry it satisfied, or empty when no material wants it.
     */
    public Optional<ChecklistEntry> offer(MaterialEvidence evidence) {
        for (int i = 0; i < entries.size(); i++) {
            ChecklistEntry e = entries.get(i);
            boolean open = e.status() == ChecklistEntry.Status.MISSING || e.status() == ChecklistEntry.Status.WAIVED;
            if (open && e.material().satisfiedBy(evidence.kind(), evidence.type())) {
                ChecklistEntry done = new ChecklistEntry(e.material(), ChecklistEntry.Status.SATISFIED, evidence, null);
                entries.set(i, done);
                return Optional.of(done);
            }
        }
        return Optional.empty();
    }

    /** Evidence from earlier cases of this citizen: those that fit an open material become reuse offers. */
    public List<MaterialEvidence> considerPrior(List<MaterialEvidence> prior) {
        offeredForReuse.clear();
        for (MaterialEvidence p : prior) {
            boolean wanted = entries.stream().anyMatch(e -> !e.done()
                    && e.material().satisfiedBy(p.kind(), p.type()));
            if (wanted) {
                offeredForReuse.add(p);
            }
        }
        return List.copyOf(offeredForReuse);
    }

    public List<MaterialEvidence> reuseOffers() {
        return List.copyOf(offeredForReuse);
    }

    /** The clerk accepts an earlier piece of evidence instead of asking for the material again. */
    public Optional<ChecklistEntry> reuse(MaterialEvidence prior) {
        if (!offeredForReuse.remove(prior)) {
            return Optional.empty();
        }
        for (int i = 0; i < entries.size(); i++) {
            ChecklistEntry e = entries.get(i);
            if (!e.done() && e.material().satisfiedBy(prior.kind(), prior.type())) {
                ChecklistEntry done = new ChecklistEntry(e.material(), ChecklistEntry.Status.REUSED, prior, null);
                entries.set(i, done);
                return Optional.of(done);
            }
        }
        return Optional.empty();
    }

    /** Records why a material is left out. A blank reason is refused: the waiver is audited. */
    public ChecklistEntry waive(String materialCode, String reason) {
        if (reason == null || reason.isBlank()) {
            throw new IllegalArgumentException("a reason is required to finish without a material");
        }
        for (int i = 0; i < entries.size(); i++) {
            ChecklistEntry e = entries.get(i);
            if (e.material().code().equals(materialCode)) {
                if (e.status() == ChecklistEntry.Status.SATISFIED || e.status() == ChecklistEntry.Status.REUSED) {
                    throw new IllegalStateException("material " + materialCode + " is already satisfied");
                }
                ChecklistEntry waived = new ChecklistEntry(e.material(), ChecklistEntry.Status.WAIVED, null, reason.trim());
                entries.set(i, waived);
                return waived;
            }
        }
        throw new IllegalArgumentException("no material " + materialCode + " in " + item.code());
    }

    /** Required materials neither satisfied, reused nor waived: what blocks finishing. */
    public List<RequiredMaterial> blockingFinish() {
        return entries.stream().filter(e -> e.material().required() && !e.done()).map(ChecklistEntry::material).toList();
    }

    public boolean canFinish() {
        return blockingFinish().isEmpty();
    }
}
