package org.onewindow.client.service;

/** Who and where: written into every evidence package made at this counter. */
public record CounterIdentity(String hall, String window, String workstation) {
}
