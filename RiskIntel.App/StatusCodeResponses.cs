namespace RiskIntel.App;

/// <summary>
/// Bodies for error responses that have none. A browser's GET of a page that ends that way (in practice
/// an address that leads nowhere; exceptions already carry problem details) gets the app's Not found
/// page with the original status; the API, hubs and every other client get problem details.
/// </summary>
public static class StatusCodeResponses
{
    public static IApplicationBuilder UseRiskIntelStatusCodePages(this IApplicationBuilder app)
    {
        app.UseWhen(IsBrowserPage, pages => pages.UseStatusCodePagesWithReExecute("/not-found", createScopeForStatusCodePages: true));
        app.UseWhen(context => !IsBrowserPage(context), others => others.UseStatusCodePages());
        return app;
    }

    private static bool IsBrowserPage(HttpContext http) =>
        HttpMethods.IsGet(http.Request.Method)
        && !http.Request.Path.StartsWithSegments("/api")
        && !http.Request.Path.StartsWithSegments("/hubs")
        && http.Request.GetTypedHeaders().Accept.Any(a => a.MediaType.Equals("text/html", StringComparison.OrdinalIgnoreCase));
}
