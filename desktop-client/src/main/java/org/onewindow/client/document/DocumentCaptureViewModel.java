package org.onewindow.client.document;

import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.function.BiConsumer;
import javafx.beans.property.ReadOnlyBooleanProperty;
import javafx.beans.property.ReadOnlyBooleanWrapper;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.ReadOnlyStringWrapper;
import javafx.collections.FXCollections;
import javafx.collections.ObservableList;
import org.onewindow.devices.document.CapturedPage;

/**
 * The document camera window's state: the captured pages in order. Capturing runs on the io executor (grab,
 * detect, encode); the page is added on the ui executor. {@link #addToCase(String)} hands the pages to the case.
 */
public final class DocumentCaptureViewModel {
    /** Captures one page; blocking. */
    @FunctionalInterface
    public interface PageSource {
        CapturedPage capture() throws Exception;
    }

    private final PageSource source;
    private final BiConsumer<String, List<CapturedPage>> toCase;
    private final Executor io;
    private final Executor ui;
    private final ObservableList<CapturedPage> pages = FXCollections.observableArrayList();
    private final ReadOnlyBooleanWrapper capturing = new ReadOnlyBooleanWrapper(false);
    private final ReadOnlyStringWrapper message = new ReadOnlyStringWrapper("");

    public DocumentCaptureViewModel(PageSource source, BiConsumer<String, List<CapturedPage>> toCase, Executor io,
                                    Executor ui) {
        this.source = source;
        this.toCase = toCase;
        this.io = io;
        this.ui = ui;
    }

    /** Captures a page off the UI thread; ignored while a capture is running. */
    public CompletableFuture<CapturedPage> capture() {
        if (capturing.get()) {
            return CompletableFuture.failedFuture(new IllegalStateException("capture in progress"));
        }
        capturing.set(true);
        CompletableFuture<CapturedPage> done = new CompletableFuture<>();
        CompletableFuture.supplyAsync(() -> {
            try {
                return source.capture();
            } catch (Exception e) {
                throw new java.util.concurrent.CompletionException(e);
            }
        }, io).whenCompleteAsync((page, error) -> {
            capturing.set(false);
            if (error != null) {
                message.set("capture failed");
                done.completeExceptionally(error);
                return;
            }
            pages.add(page);
            message.set(page.cropped() ? "page " + pages.size() : "page " + pages.size() + " (no outline)");
            done.complete(page);
        }, ui);
        return done;
    }

    public void delete(int index) {
        if (index >= 0 && index < pages.size()) {
            pages.remove(index);
        }
    }

    /** Moves a page one place up; returns its new index. */
    public int moveUp(int index) {
        if (index <= 0 || index >= pages.size()) {
            return index;
        }
        pages.add(index - 1, pages.remove(index));
        return index - 1;
    }

    /** Moves a page one place down; returns its new index. */
    public int moveDown(int index) {
        if (index < 0 || index >= pages.size() - 1) {
            return index;
        }
        pages.add(index + 1, pages.remove(index));
        return index + 1;
    }

    /** Hands the pages, in order, to the case as material of {@code pageType}; the list is emptied. */
    public boolean addToCase(String pageType) {
        if (pages.isEmpty() || pageType == null || pageType.isBlank()) {
            return false;
        }
        toCase.accept(pageType, List.copyOf(pages));
        pages.clear();
        return true;
    }

    public ObservableList<CapturedPage> pages() { return pages; }
    public ReadOnlyBooleanProperty capturingProperty() { return capturing.getReadOnlyProperty(); }
    public ReadOnlyStringProperty messageProperty() { return message.getReadOnlyProperty(); }
}
