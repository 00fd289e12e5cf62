package org.onewindow.client.casework;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.Executor;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyObjectProperty;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.onewindow.client.app.I18n;
import org.onewindow.client.service.CounterService;
import org.onewindow.core.backend.BackendException;
import org.onewindow.core.casework.ChecklistEntry;
import org.onewindow.core.casework.MaterialEvidence;
import org.onewindow.core.casework.MaterialsChecklist;
import org.onewindow.core.casework.PriorMaterials;
import org.onewindow.core.catalogue.Catalogue;
import org.onewindow.core.catalogue.EvidenceKind;
import org.onewindow.core.catalogue.RequiredMaterial;
import org.onewindow.core.catalogue.ServiceItem;
import org.onewindow.core.evidence.StoredPackage;
import org.onewindow.core.identity.IdCard;
import org.onewindow.core.privacy.Masking;
import org.onewindow.core.rating.ServiceRating;
import org.onewindow.core.verify.CredentialPresentation;
import org.onewindow.core.verify.CredentialVerifier;
import org.onewindow.core.verify.Verdict;
import org.onewindow.core.verify.VerificationResult;
import org.onewindow.verification.datashare.DataShareAnswer;
import org.onewindow.verification.datashare.DataShareClient;
import org.onewindow.verification.datashare.DataShareKind;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * One service case at the counter: the chosen service item (事项), its materials checklist ticking itself
 * as evidence arrives (the ID card, scanned e-licenses, data-share answers), earlier verified materials
 * offered for reuse, and finishing — which needs every required material or a recorded reason.
 */
public final class CaseViewModel {
    private static final Logger LOG = LoggerFactory.getLogger(CaseViewModel.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Catalogue catalogue;
    private final PriorMaterials prior;
    private final CredentialVerifier credentials;
    private final DataShareClient dataShare;
    private final CounterService counter;
    private final Executor io;
    private final Executor ui;
    private final I18n i18n;
    private final Clock clock;

    private final ObservableList<ServiceItem> items = FXCollections.observableArrayList();
    private final ReadOnlyObjectWrapper<ServiceItem> item = new ReadOnlyObjectWrapper<>();
    private final ObservableList<ChecklistRow> rows = FXCollections.observableArrayList();
    private final ObservableList<MaterialEvidence> reuseOffers = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper canFinish = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper blockers = new ReadOnlyStringWrapper("");
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");
    private final ReadOnlyObjectWrapper<VerificationResult> lastCredential = new ReadOnlyObjectWrapper<>();
    private final ReadOnlyBooleanWrapper finishing = new ReadOnlyBooleanWrapper(false);

    private MaterialsChecklist checklist;
    private IdCard citizen;
    private final List<VerificationResult> verifications = new ArrayList<>();
    private final List<org.onewindow.devices.document.CapturedPage> scannedPages = new ArrayList<>();
    private String caseId = UUID.randomUUID().toString();
    private String ticket;
    private long generation;

    public CaseViewModel(Catalogue catalogue, PriorMaterials prior, CredentialVerifier credentials,
                         DataShareClient dataShare, CounterService counter, Executor io, Executor ui, I18n i18n,
                         Clock clock) {
        this.catalogue = catalogue;
        this.prior = prior;
        this.credentials = credentials;
        this.dataShare = dataShare;
        this.counter = counter;
        this.io = io;
        this.ui = ui;
        this.i18n = i18n;
        this.clock = clock;
    }

    /** Loads the catalogue (items of a queue category, or all); the first item is chosen. */
    public CompletableFuture<Void> loadCatalogue(String category) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return category == null ? catalogue.items() : catalogue.itemsOf(category);
            } catch (BackendException e) {
                throw new CompletionException(e);
            }
        }, io).handleAsync((list, error) -> {
            if (error != null) {
                message.set(i18n.get("case.catalogueUnavailable"));
                LOG.warn("catalogue not loaded: {}", error.getMessage());
                return null;
            }
            items.setAll(list);
            if (item.get() == null || !list.contains(item.get())) {
                selectItem(list.isEmpty() ? null : list.get(0));
            }
            return null;
        }, ui);
    }

    /** A new case for a called ticket (or a walk-in when {@code ticketNumber} is null). */
    public void startCase(String ticketNumber) {
        generation++;
        caseId = UUID.randomUUID().toString();
        ticket = ticketNumber;
        citizen = null;
        verifications.clear();
        scannedPages.clear();
        lastCredential.set(null);
        reuseOffers.clear();
        message.set("");
        selectItem(item.get());
    }

    public void selectItem(ServiceItem chosen) {
        item.set(chosen);
        checklist = chosen == null ? null : new MaterialsChecklist(chosen);
        reuseOffers.clear();
        if (checklist != null && citizen != null) {
            checklist.offer(new MaterialEvidence(EvidenceKind.ID_CARD, "", "id-card", i18n.get("case.evidence.idCard"),
                    clock.instant()));
            fetchPrior(citizen.idNumber(), generation);
        }
        refresh();
    }

    /** The identity panel verified a card: it satisfies the ID-card material and finds earlier evidence. */
    public void onIdentity(IdCard card, VerificationResult result) {
        verifications.add(result);
        if (result.verdict() != Verdict.VALID) {
            return;
        }
        citizen = card;
        if (checklist != null) {
            checklist.offer(new MaterialEvidence(EvidenceKind.ID_CARD, "", "id-card", i18n.get("case.evidence.idCard"),
                    result.verifiedAt()));
            refresh();
            fetchPrior(card.idNumber(), generation);
        }
    }

    private void fetchPrior(String idNumber, long gen) {
        CompletableFuture.supplyAsync(() -> {
            try {
                return prior.priorMaterials(idNumber);
            } catch (BackendException e) {
                throw new CompletionException(e);
            }
        }, io).whenCompleteAsync((found, error) -> {
            if (gen != generation || checklist == null) {
                return;
            }
            if (error != null) {
                LOG.info("prior materials of {} not available: {}", Masking.idNumber(idNumber), error.getMessage());
                return;
            }
            reuseOffers.setAll(checklist.considerPrior(found));
        }, ui);
    }

    /** A scanned code: verified by the credential chain; a valid e-license ticks its material. */
    public CompletableFuture<VerificationResult> onScan(CredentialPresentation presentation) {
        long gen = generation;
        return CompletableFuture.supplyAsync(() -> credentials.verify(presentation), io).whenCompleteAsync((r, error) -> {
            if (gen != generation) {
                return;
            }
            if (error != null) {
                LOG.error("credential verification crashed", error);
                message.set(i18n.get("error.plain"));
                return;
            }
            verifications.add(r);
            lastCredential.set(r);
            Object type = r.claims().get("credentialType");
            if (r.verdict() == Verdict.VALID && type != null && checklist != null) {
                Object id = r.claims().getOrDefault("identifier", r.format());
                Object name = r.claims().getOrDefault("typeName", type);
                checklist.offer(new MaterialEvidence(EvidenceKind.E_LICENSE, type.toString(), id.toString(),
                        name.toString(), r.verifiedAt())).ifPresentOrElse(
                                e -> message.set(i18n.format("case.ticked", e.material().name())),
                                () -> message.set(i18n.get("case.notNeeded")));
                refresh();
            }
        }, ui);
    }

    /**
     * Adds pages from the document camera as material of page type {@code type}: offered to the checklist
     * (kind SCANNED_PAGE) and kept to be archived with the case. UI thread.
     */
    public void addScannedPages(String type, List<org.onewindow.devices.document.CapturedPage> pages) {
        if (pages.isEmpty()) {
            return;
        }
        int first = scannedPages.size() + 1;
        scannedPages.addAll(pages);
        int last = scannedPages.size();
        String reference = caseId + "#pages-" + first + "-" + last;
        String label = type + " (" + pages.size() + ")";
        if (checklist != null) {
            checklist.offer(new MaterialEvidence(EvidenceKind.SCANNED_PAGE, type, reference, label, clock.instant()))
                    .ifPresentOrElse(e -> message.set(i18n.format("case.ticked", e.material().name())),
                            () -> message.set(i18n.get("case.notNeeded")));
            refresh();
        }
    }

    /** Page types (SCANNED_PAGE rules) of the materials still open in the checklist, with the material's name. */
    public java.util.Map<String, String> openScannedPageTypes() {
        java.util.Map<String, String> types = new java.util.LinkedHashMap<>();
        if (checklist == null) {
            return types;
        }
        checklist.entries().stream().filter(e -> !e.done()).forEach(e -> e.material().accepted().stream()
                .filter(r -> r.kind() == EvidenceKind.SCANNED_PAGE)
                .forEach(r -> types.putIfAbsent(r.type(), e.material().name())));
        return types;
    }

    /** The pages kept for this case, as archive items. */
    public List<org.onewindow.core.evidence.EvidenceItem> scannedPageItems() {
        List<org.onewindow.core.evidence.EvidenceItem> out = new ArrayList<>();
        for (int i = 0; i < scannedPages.size(); i++) {
            out.add(new org.onewindow.core.evidence.EvidenceItem("document-page", "image/jpeg",
                    scannedPages.get(i).jpeg(), "page " + (i + 1)));
        }
        return out;
    }

    /** Asks another department's data instead of the citizen ("data runs, not the citizen"). */
    public CompletableFuture<DataShareAnswer> runDataShare(DataShareKind kind) {
        if (citizen == null) {
            message.set(i18n.get("case.needIdentity"));
            return CompletableFuture.completedFuture(null);
        }
        long gen = generation;
        String idNumber = citizen.idNumber();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return dataShare.lookUp(kind, idNumber);
            } catch (BackendException e) {
                throw new CompletionException(e);
            }
        }, io).whenCompleteAsync((answer, error) -> {
            if (gen != generation) {
                return;
            }
            if (error != null) {
                message.set(i18n.get("case.dataShareFailed"));
                return;
            }
            if (!answer.found()) {
                message.set(i18n.get("case.dataShareNoRecord"));
                return;
            }
            if (checklist != null) {
                checklist.offer(new MaterialEvidence(EvidenceKind.DATA_SHARE, kind.path(), answer.receiptId(),
                        i18n.get("case.dataShare." + kind.name()), clock.instant())).ifPresentOrElse(
                                e -> message.set(i18n.format("case.ticked", e.material().name())),
                                () -> message.set(i18n.get("case.notNeeded")));
                refresh();
            }
        }, ui);
    }

    public void reuse(MaterialEvidence offer) {
        if (checklist != null && checklist.reuse(offer).isPresent()) {
            reuseOffers.remove(offer);
            refresh();
        }
    }

    /** Records why a required material is left out (audited with the case). */
    public void waive(String materialCode, String reason) {
        if (checklist == null) {
            return;
        }
        checklist.waive(materialCode, reason);
        LOG.info("case {}: material {} waived by the clerk", caseId, materialCode);
        refresh();
    }

    /** The open required materials, for the waiver dialog. */
    public List<RequiredMaterial> missingRequired() {
        return checklist == null ? List.of() : checklist.blockingFinish();
    }

    /**
     * Finishes the case with the citizen's rating: archives the summary. Refused while a required material
     * is open and unexplained.
     */
    public CompletableFuture<StoredPackage> finish(ServiceRating rating) {
        if (checklist == null || !checklist.canFinish()) {
            message.set(i18n.get("case.cannotFinish"));
            return CompletableFuture.failedFuture(new IllegalStateException("required materials are missing"));
        }
        finishing.set(true);
        byte[] summary = summaryJson(rating);
        String forCase = caseId;
        String itemCode = checklist.item().code();
        List<VerificationResult> made = List.copyOf(verifications);
        List<org.onewindow.core.evidence.EvidenceItem> pages = scannedPageItems();
        return CompletableFuture.supplyAsync(() -> {
            try {
                return counter.archiveCase(forCase, itemCode, summary, made, pages);
            } catch (org.onewindow.core.evidence.EvidenceStoreException e) {
                throw new CompletionException(e);
            }
        }, io).whenCompleteAsync((stored, error) -> {
            finishing.set(false);
            if (error != null) {
                Throwable cause = error.getCause() != null ? error.getCause() : error;
                message.set(cause instanceof org.onewindow.core.evidence.EvidenceStoreException s
                        ? i18n.get(s.messageKey()) : i18n.get("error.plain"));
                return;
            }
            message.set(i18n.get("case.finished"));
        }, ui);
    }

    byte[] summaryJson(ServiceRating rating) {
        ObjectNode n = JSON.createObjectNode();
        n.put("caseId", caseId);
        n.put("ticket", ticket);
        n.put("serviceItem", checklist.item().code());
        n.put("serviceItemName", checklist.item().name());
        n.put("idNumber", citizen == null ? null : citizen.idNumber());
        ArrayNode materials = n.putArray("materials");
        for (ChecklistEntry e : checklist.entries()) {
            ObjectNode m = materials.addObject();
            m.put("code", e.material().code());
            m.put("name", e.material().name());
            m.put("required", e.material().required());
            m.put("status", e.status().name());
            if (e.evidence() != null) {
                m.put("kind", e.evidence().kind().name());
                m.put("type", e.evidence().type());
                m.put("reference", e.evidence().reference());
                m.put("label", e.evidence().label());
                m.put("verifiedAt", e.evidence().verifiedAt().toString());
            }
            if (e.waiverReason() != null) {
                m.put("waiverReason", e.waiverReason());
            }
        }
        if (rating != null) {
            ObjectNode r = n.putObject("rating");
            r.put("level", rating.level().name());
            ArrayNode reasons = r.putArray("reasons");
            rating.reasons().forEach(x -> reasons.add(x.name()));
            r.put("ratedAt", rating.ratedAt().toString());
        }
        try {
            return JSON.writeValueAsBytes(n);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private void refresh() {
        if (checklist == null) {
            rows.clear();
            canFinish.set(false);
            blockers.set("");
            return;
        }
        List<ChecklistRow> out = new ArrayList<>();
        for (ChecklistEntry e : checklist.entries()) {
            String detail = switch (e.status()) {
                case MISSING -> e.material().accepted().stream().map(r -> r.description()).reduce((a, b) -> a + " / " + b).orElse("");
                case SATISFIED -> e.evidence().label();
                case REUSED -> i18n.format("case.reusedFrom", e.evidence().label());
                case WAIVED -> i18n.format("case.waivedBecause", e.waiverReason());
            };
            out.add(new ChecklistRow(e.material().code(), e.material().name(), e.material().required(), e.status(), detail));
        }
        rows.setAll(out);
        canFinish.set(checklist.canFinish());
        blockers.set(String.join("、", checklist.blockingFinish().stream().map(RequiredMaterial::name).toList()));
    }

    public String caseId() { return caseId; }
    public ObservableList<ServiceItem> items() { return items; }
    public ReadOnlyObjectProperty<ServiceItem> itemProperty() { return item.getReadOnlyProperty(); }
    public ObservableList<ChecklistRow> rows() { return rows; }
    public ObservableList<MaterialEvidence> reuseOffers() { return reuseOffers; }
    public ReadOnlyBooleanProperty canFinishProperty() { return canFinish.getReadOnlyProperty(); }
    public ReadOnlyStringProperty blockersProperty() { return blockers.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
    public ReadOnlyObjectProperty<VerificationResult> lastCredentialProperty() { return lastCredential.getReadOnlyProperty(); }
    public ReadOnlyBooleanProperty finishingProperty() { return finishing.getReadOnlyProperty(); }
}
