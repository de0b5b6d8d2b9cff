using OpenAlmaty.FrontOffice.Contracts;

namespace OpenAlmaty.FrontOffice.Kiosk;

/// <summary>
/// Every word of the visitor's phone page (<c>/t/{publicId}</c>), in Kazakh, Russian and English:
/// a state is said as a sentence, never as its enum name.
/// </summary>
public static class StatusTexts
{
    private static readonly Dictionary<string, (string Kk, string Ru, string En)> Texts = new()
    {
        ["missing"] = ("Мұндай талон жоқ.", "Такого талона нет.", "There is no such ticket."),
        ["position"] = ("Кезектегі орныңыз", "Ваше место в очереди", "Your place in the queue"),
        ["wait"] = ("Күту", "Ожидание", "Wait"),
        ["waiting"] = ("Кезегіңізді күтіңіз: шақырылғанда осы бет хабарлайды.", "Ожидайте своей очереди: когда вас вызовут, эта страница покажет окно.", "Please wait for your turn: this page shows your window when you are called."),
        ["transferred"] = ("Сізді басқа қызметке жіберді, кезегіңіз сақталды.", "Вас направили в другую службу, ваша очередь сохранена.", "You were sent on to another service; your place is kept."),
        ["parked"] = ("Қабылдау уақытша тоқтатылды. Жақын жерде күтіңіз: қызметкер сізді қайта шақырады.", "Приём приостановлен. Подождите рядом: сотрудник вызовет вас снова.", "Your visit is on hold. Please wait nearby: the officer will call you again."),
        ["completed"] = ("Қабылдау аяқталды. Рахмет!", "Приём завершён. Спасибо!", "Your visit is over. Thank you!"),
        ["no-show"] = ("Сізді шақырды, бірақ сіз келмедіңіз.", "Вас вызывали, но вы не подошли.", "You were called but did not come."),
        ["rejoin-passed"] = ("Кезекке қайта тұру уақыты өтті. Жаңа талон алыңыз.", "Время для возврата в очередь истекло. Возьмите новый талон.", "The time to come back has passed. Please take a new ticket."),
        ["cancelled"] = ("Талон жойылды.", "Талон отменён.", "This ticket was cancelled."),
        ["closed"] = ("Талон жабық.", "Талон закрыт.", "This ticket is closed."),
        ["rate"] = ("Қызметті бағалаңыз", "Оцените обслуживание", "Rate the service"),
        ["comment"] = ("Пікіріңіз (міндетті емес)", "Комментарий (необязательно)", "Comment (optional)"),
        ["rating-problem"] = ("Бағаны сақтау мүмкін болмады.", "Не удалось сохранить оценку.", "The rating could not be saved."),
        ["send"] = ("Жіберу", "Отправить", "Send"),
        ["rated"] = ("Бағаңыз", "Ваша оценка", "Your rating"),
        ["thanks"] = ("Рахмет!", "Спасибо!", "Thank you!"),
        ["refresh"] = ("Бет өздігінен жаңарады", "Страница обновляется сама", "This page updates by itself"),
        ["language"] = ("Тіл", "Язык", "Language"),
    };

    /// <summary>The three languages of the switch, each named in itself.</summary>
    public static IReadOnlyList<(string Code, string Name)> Languages { get; } = [("kk", "Қазақша"), ("ru", "Русский"), ("en", "English")];

    public static IEnumerable<string> Keys => Texts.Keys;

    public static string Get(string key, VisitorLanguage language) =>
        KioskTexts.Name(language, Texts[key].Kk, Texts[key].Ru, Texts[key].En);

    /// <summary>kk, ru or en as a language; anything else is null (the ticket's language is used then).</summary>
    public static VisitorLanguage? Parse(string? code) => code?.ToLowerInvariant() switch
    {
        "kk" => VisitorLanguage.Kk,
        "ru" => VisitorLanguage.Ru,
        "en" => VisitorLanguage.En,
        _ => null,
    };

    public static string Code(VisitorLanguage language) => language.ToString().ToLowerInvariant();

    public static string Called(string? desk, VisitorLanguage language) => language switch
    {
        VisitorLanguage.Ru => $"Вас вызывают! Пройдите к окну {desk}.",
        VisitorLanguage.En => $"You are called! Please go to window {desk}.",
        _ => $"Сізді шақырып жатыр! {desk}-терезеге өтіңіз.",
    };

    public static string Serving(string? desk, VisitorLanguage language) => language switch
    {
        VisitorLanguage.Ru => $"Вас обслуживают в окне {desk}.",
        VisitorLanguage.En => $"You are being served at window {desk}.",
        _ => $"Сізге {desk}-терезеде қызмет көрсетілуде.",
    };

    /// <summary>After a no-show: where and within how long the visitor may come back and keep the turn.</summary>
    public static string Rejoin(string? desk, int minutes, VisitorLanguage language) => (language, desk) switch
    {
        (VisitorLanguage.Ru, null) => $"Подойдите к окну, которое вас вызывало, в течение {minutes} минут — ваша очередь сохранится.",
        (VisitorLanguage.Ru, _) => $"Подойдите к окну {desk} в течение {minutes} минут — ваша очередь сохранится.",
        (VisitorLanguage.En, null) => $"Come back to the window that called you within {minutes} minutes to keep your turn.",
        (VisitorLanguage.En, _) => $"Come back to window {desk} within {minutes} minutes to keep your turn.",
        (_, null) => $"{minutes} минут ішінде сізді шақырған терезеге келіңіз — кезегіңіз сақталады.",
        _ => $"{minutes} минут ішінде {desk}-терезеге келіңіз — кезегіңіз сақталады.",
    };
}
