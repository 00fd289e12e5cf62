package org.onewindow.core.catalogue;

import java.util.List;
import java.util.Optional;
import org.onewindow.core.backend.BackendException;

/**
 * The service catalogue: items, their required materials and the evidence that satisfies each. Served
 * by the back-end; an offline cache can implement the same port. Calls may block on the network.
 */
public interface Catalogue {
    /** Every item, with materials and evidence rules. */
    List<ServiceItem> items() throws BackendException;

    /** The items a queue category serves. */
    default List<ServiceItem> itemsOf(String categoryCode) throws BackendException {
        return items().stream().filter(i -> i.category().equals(categoryCode)).toList();
    }

    Optional<ServiceItem> item(String code) throws BackendException;

    /** Changes whenever the catalogue changes, for caches. */
    String version() throws BackendException;
}
