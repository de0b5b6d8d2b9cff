namespace OpenAlmaty.FrontOffice.Contracts;

/// <summary>The kinds of body at a desk, as staff pages name them.</summary>
public static class AgencyKinds
{
    public static IReadOnlyList<(AgencyKindDto Kind, Words Name)> All { get; } =
    [
        (AgencyKindDto.Agency, new("Мемлекеттік орган", "Государственный орган", "State body")),
        (AgencyKindDto.District, new("Аудан әкімдігі", "Акимат района", "District akimat")),
        (AgencyKindDto.Mediator, new("Медиаторлар", "Медиаторы", "Mediators")),
        (AgencyKindDto.Reception, new("Жеке қабылдау", "Личный приём", "Personal reception")),
    ];

    public static Words Name(AgencyKindDto kind) => All.First(k => k.Kind == kind).Name;
}

/// <summary>
/// Every action the audit log records, in words: the one list the audit page's filter offers and
/// its rows read. An action this list does not know yet reads as its family ("roster.", "ticket."...).
/// </summary>
public static class AuditActions
{
    public static IReadOnlyList<Term> All { get; } =
    [
        new("roster.agency.create", new("Орган қосылды", "Добавлен орган", "Agency added")),
        new("roster.agency.update", new("Орган өзгертілді", "Изменён орган", "Agency changed")),
        new("roster.agency.retire", new("Орган тоқтатылды", "Выведен орган", "Agency retired")),
        new("roster.agency.restore", new("Орган қайтарылды", "Возвращён орган", "Agency restored")),
        new("roster.service.create", new("Қызмет қосылды", "Добавлена услуга", "Service added")),
        new("roster.service.update", new("Қызмет өзгертілді", "Изменена услуга", "Service changed")),
        new("roster.service.retire", new("Қызмет тоқтатылды", "Выведена услуга", "Service retired")),
        new("roster.service.restore", new("Қызмет қайтарылды", "Возвращена услуга", "Service restored")),
        new("roster.desk.create", new("Терезе қосылды", "Добавлено окно", "Desk added")),
        new("roster.desk.update", new("Терезе өзгертілді", "Изменено окно", "Desk changed")),
        new("roster.desk.retire", new("Терезе тоқтатылды", "Выведено окно", "Desk retired")),
        new("roster.desk.restore", new("Терезе қайтарылды", "Возвращено окно", "Desk restored")),
        new("ticket.call-out-of-order", new("Кезектен тыс шақыру", "Вызов вне очереди", "Called out of turn")),
        new("ticket.transfer", new("Талон басқа органға жіберілді", "Талон переведён", "Ticket transferred")),
        new("appeal.register", new("Өтініш тіркелді", "Зарегистрировано обращение", "Appeal registered")),
        new("appeal.extend", new("Өтініш мерзімі ұзартылды", "Продлён срок обращения", "Appeal extended")),
        new("appeal.close", new("Өтініш жабылды", "Закрыто обращение", "Appeal closed")),
        new("reception.schedule.create", new("Қабылдау кестесі құрылды", "Создано расписание приёма", "Reception schedule created")),
        new("reception.session.create", new("Қабылдау құрылды", "Создан приём", "Reception session created")),
        new("reception.session.reschedule", new("Қабылдау ауыстырылды", "Приём перенесён", "Reception session moved")),
        new("reception.session.cancel", new("Қабылдау болдырылмады", "Приём отменён", "Reception session cancelled")),
        new("reception.booking.create", new("Қабылдауға жазылды", "Запись на приём", "Booking made")),
        new("reception.booking.move", new("Жазылу ауыстырылды", "Запись перенесена", "Booking moved")),
        new("reception.booking.cancel", new("Жазылу болдырылмады", "Запись отменена", "Booking cancelled")),
        new("reception.booking.iin-override", new("Тексерілмеген ЖСН қабылданды", "Принят непроверенный ИИН", "Unchecked IIN accepted")),
        new("reception.offer-lapsed", new("Бос орын ұсынысы өтті", "Предложение места истекло", "Offered place lapsed")),
        new("device.enrol", new("Құрылғы тіркелді", "Зарегистрировано устройство", "Device enrolled")),
        new("device.revoke", new("Құрылғы тіркеуі жойылды", "Регистрация устройства отозвана", "Device revoked")),
        new("device.printer", new("Принтер баптауы өзгерді", "Изменены настройки принтера", "Printer settings changed")),
        new("device.printer-status", new("Принтер күйі өзгерді", "Изменилось состояние принтера", "Printer state changed")),
        new("device.display", new("Дисплей баптауы өзгерді", "Изменены настройки табло", "Display settings changed")),
        new("staff.create", new("Қызметкер қосылды", "Добавлен сотрудник", "Staff member added")),
        new("staff.desks", new("Қызметкердің терезелері өзгерді", "Изменены окна сотрудника", "Staff desks changed")),
        new("staff.lock", new("Тіркелгі бұғатталды", "Учётная запись заблокирована", "Account locked")),
        new("staff.unlock", new("Тіркелгі бұғаттан шықты", "Учётная запись разблокирована", "Account unlocked")),
        new("staff.password-reset", new("Құпиясөз жаңартылды (әкімші)", "Пароль сброшен администратором", "Password reset")),
        new("staff.password-changed", new("Құпиясөз ауыстырылды", "Пароль изменён", "Password changed")),
        new("staff.password-recovered", new("Құпиясөз консольден қалпына келтірілді", "Пароль восстановлен с консоли", "Password recovered")),
        new("calendar.edit", new("Күнтізбе өзгерді", "Изменён календарь", "Calendar changed")),
        new("settings.retention", new("Сақтау мерзімі өзгерді", "Изменён срок хранения", "Retention changed")),
    ];

    private static readonly IReadOnlyList<Term> Families =
    [
        new("roster.", new("Тізім өзгерісі", "Изменение справочника", "Roster change")),
        new("ticket.", new("Талон әрекеті", "Действие с талоном", "Ticket action")),
        new("appeal.", new("Өтініш әрекеті", "Действие с обращением", "Appeal action")),
        new("reception.", new("Жеке қабылдау әрекеті", "Действие по личному приёму", "Reception action")),
        new("device.", new("Құрылғы әрекеті", "Действие с устройством", "Device action")),
        new("staff.", new("Қызметкер әрекеті", "Действие с сотрудником", "Staff action")),
        new("calendar.", new("Күнтізбе әрекеті", "Действие с календарём", "Calendar action")),
        new("settings.", new("Баптау өзгерісі", "Изменение настроек", "Settings change")),
    ];

    private static readonly Words Unknown = new("Басқа әрекет", "Другое действие", "Other action");

    /// <summary>The action in words: its own name, else its family's, else "other action".</summary>
    public static Words Name(string action) =>
        All.FirstOrDefault(t => t.Code == action)?.Name
        ?? Families.FirstOrDefault(f => action.StartsWith(f.Code, StringComparison.Ordinal))?.Name
        ?? Unknown;
}

/// <summary>How an appeal stands against its deadline (<see cref="AppealDto.Standing"/>), in words.</summary>
public static class AppealStandings
{
    public static IReadOnlyList<Term> All { get; } =
    [
        new("on-time", new("Мерзімінде", "В срок", "On time")),
        new("near-due", new("Мерзімі жақын", "Срок подходит", "Due soon")),
        new("overdue", new("Мерзімі өтті", "Просрочено", "Overdue")),
        new("closed", new("Жабылды", "Закрыто", "Closed")),
    ];

    public static Words Name(string standing) => (All.FirstOrDefault(t => t.Code == standing) ?? All[0]).Name;
}
