package io.chameleon.mysql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class SourceCharsetTest {

    @Test
    void mapsTheCommonMySqlCharsetsToJava() {
        for (String name : List.of("utf8mb4", "utf8mb3", "utf8", "latin1", "ascii", "ucs2", "utf16", "utf32",
                "cp1250", "cp1251", "cp1256", "cp1257", "gbk", "gb2312", "big5", "sjis", "cp932", "ujis", "eucjpms",
                "euckr", "koi8r", "koi8u", "greek", "hebrew", "latin2", "latin5", "latin7", "tis620")) {
            assertThat(SourceCharset.of(name).mysqlName()).isEqualTo(name);
        }
        assertThat(SourceCharset.of("UTF8MB4").javaCharset().name()).isEqualTo("UTF-8");
        assertThat(SourceCharset.of("latin1").javaCharset().name()).isEqualTo("windows-1252");
    }

    @Test
    void treatsBinaryAsNoCharset() {
        assertThat(SourceCharset.ofColumn("binary")).isEmpty();
        assertThat(SourceCharset.ofColumn(null)).isEmpty();
    }

    @Test
    void namesACharsetWithoutDecoder() {
        assertThatThrownBy(() -> SourceCharset.of("armscii8")).hasMessageContaining("armscii8");
    }
}
