package io.github.influxreset.app;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.influxreset.ui.Theme;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The system's dark or light setting, from what each desktop prints. */
class SystemThemeTest {
    @Test
    void gnomeColourSchemeDecidesWhenItIsSet() {
        assertEquals(Optional.of(Theme.DARK), SystemTheme.fromColorScheme("'prefer-dark'\n"));
        assertEquals(Optional.of(Theme.LIGHT), SystemTheme.fromColorScheme("'prefer-light'\n"));
        assertEquals(Optional.empty(), SystemTheme.fromColorScheme("'default'\n"), "then the GTK theme decides");
    }

    @Test
    void gtkThemeNamesSayDarkInTheirName() {
        assertEquals(Optional.of(Theme.DARK), SystemTheme.fromGtkTheme("'Adwaita-dark'"));
        assertEquals(Optional.of(Theme.DARK), SystemTheme.fromGtkTheme("Adwaita:dark"));
        assertEquals(Optional.of(Theme.LIGHT), SystemTheme.fromGtkTheme("'Yaru'"));
        assertEquals(Optional.empty(), SystemTheme.fromGtkTheme(""));
    }

    @Test
    void windowsRegistryAndMacInterfaceStyle() {
        String dark = "\nHKEY_CURRENT_USER\\Software\\Microsoft\\Windows\\CurrentVersion\\Themes\\Personalize\n"
                + "    AppsUseLightTheme    REG_DWORD    0x0\n\n";
        assertEquals(Optional.of(Theme.DARK), SystemTheme.fromWindowsRegistry(dark));
        assertEquals(Optional.of(Theme.LIGHT), SystemTheme.fromWindowsRegistry(dark.replace("0x0", "0x1")));
        assertEquals(Optional.empty(), SystemTheme.fromWindowsRegistry("ERROR: not found"));
        assertEquals(Theme.DARK, SystemTheme.fromMacInterfaceStyle("Dark\n"));
        assertEquals(Theme.LIGHT, SystemTheme.fromMacInterfaceStyle(""));
    }

    @Test
    void gtkThemeOfTheEnvironmentWinsOnLinux() {
        assertEquals(Optional.of(Theme.DARK), SystemTheme.detect(Map.of("GTK_THEME", "Adwaita:dark"), "Linux"));
    }
}
