using MudBlazor;

namespace HrcCommunity.Web.Components.Layout;

/// <summary>
/// The network's one theme for Mud components, light and dark. Our own CSS (wwwroot-assets/site.css) carries the
/// same colours as --hrc-* variables, switched by the theme-dark class on the html element.
/// </summary>
public static class HrcTheme
{
    public static readonly MudTheme Theme = new()
    {
        PaletteLight = new PaletteLight
        {
            Primary = "#0b4f8a",
            PrimaryDarken = "#083a66",
            Secondary = "#f5b400",
            SecondaryContrastText = "#1b1f24",
            AppbarBackground = "#0b4f8a",
            AppbarText = "#ffffff",
            Background = "#ffffff",
            Surface = "#ffffff",
            TextPrimary = "#1b1f24",
            TextSecondary = "#4a5360",
            DrawerBackground = "#f3f6f9",
            DrawerText = "#1b1f24",
            Error = "#a4161a",
            Success = "#1e6b33",
            Info = "#0b4f8a",
            Warning = "#8a5a00",
            LinesDefault = "#c9d2dc",
        },
        PaletteDark = new PaletteDark
        {
            Primary = "#8cc4ff",
            PrimaryContrastText = "#0d1620",
            PrimaryDarken = "#5aa5f0",
            Secondary = "#f5b400",
            SecondaryContrastText = "#1b1f24",
            AppbarBackground = "#0d2a47",
            AppbarText = "#ffffff",
            Background = "#11171e",
            Surface = "#1a222c",
            TextPrimary = "#e8edf2",
            TextSecondary = "#b4bfcb",
            DrawerBackground = "#1a222c",
            DrawerText = "#e8edf2",
            Error = "#ff8a8d",
            Success = "#7fd49a",
            Info = "#8cc4ff",
            Warning = "#f5c451",
            LinesDefault = "#3b4755",
        },
    };
}
