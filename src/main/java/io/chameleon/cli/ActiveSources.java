package io.chameleon.cli;

import io.chameleon.catalogue.SourceRecord;
import io.chameleon.catalogue.SourceRepository;
import io.chameleon.error.StateException;

import java.util.List;
import java.util.stream.Collectors;

/** Guards catalogue-wide changes against sources that a process is working on. */
final class ActiveSources {

    private ActiveSources() {
    }

    static void refuseIfAny(SourceRepository sources, String action) {
        List<SourceRecord> active = sources.active();
        if (!active.isEmpty()) {
            String names = active.stream().map(s -> s.name() + " (" + s.status().label() + ")")
                    .collect(Collectors.joining(", "));
            throw new StateException("cannot " + action + " while sources are active: " + names
                    + "; stop them first with 'chameleon stop_all_replicas'");
        }
    }
}
