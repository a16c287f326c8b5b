package io.chameleon.verify;

import org.junit.jupiter.api.Test;

import java.math.BigInteger;

import static org.assertj.core.api.Assertions.assertThat;

class KeyRangeChunksTest {

    @Test
    void rangesAreContiguousAndOpenAtBothEnds() {
        KeyRangeChunks chunks = KeyRangeChunks.of("id", "id", BigInteger.ONE, BigInteger.valueOf(100), 100, 25);

        assertThat(chunks.chunks()).extracting(KeyRangeChunks.Chunk::postgres).containsExactly(
                "\"id\" < 26", "\"id\" >= 26 AND \"id\" < 51", "\"id\" >= 51 AND \"id\" < 76", "\"id\" >= 76");
        assertThat(chunks.chunks().get(1).mysql()).isEqualTo("`id` >= 26 AND `id` < 51");
    }

    @Test
    void aSmallTableIsOneChunk() {
        assertThat(KeyRangeChunks.of("id", "id", BigInteger.ONE, BigInteger.valueOf(10), 10, 10_000).chunks())
                .containsExactly(new KeyRangeChunks.Chunk(null, null));
    }
}
