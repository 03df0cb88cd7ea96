using GuidanceBot.Guidance.Contacts;

namespace GuidanceBot.Guidance.Welcome;

/// <summary>Dutch texts of the welcome and help card (B1: short sentences, concrete actions).</summary>
public static class WelcomeTexts
{
    public const string Title = "Welkom bij GuidanceBot";

    public const string Intro =
        "Maak je je zorgen over een jongere en mensenhandel of een loverboy? Ik help je met de handreikingen voor jeugd-LVB, jeugd-GGZ en wijkteams.";

    public const string WhatICanDo = "Wat kan ik voor je doen?";

    public const string AskQuestion =
        "**Stel een vraag**, bijvoorbeeld: *Hoe meld ik bij CoMensha?* Je krijgt het antwoord uit de handreikingen, met de bron erbij.";

    public const string Signaleren = "**signaleren**: welke signalen zie je bij de jongere?";

    public const string Risico = "**risico**: hoe groot en hoe dringend is het risico?";

    public const string Melden = "**melden**: de stappen van de Meldcode, Veilig Thuis, CoMensha en de politie.";

    public const string Commands = "Typ **help** of **menu** om dit overzicht te zien. Typ **stop** om een stappenplan te stoppen.";

    public const string FlowsInPersonalChat =
        "De stappenplannen doe ik alleen in een persoonlijke chat met mij, want daarin komen details over een jongere. Hier beantwoord ik vragen: noem mij met @ en stel je vraag.";

    public const string Safety =
        $"Acuut gevaar? Bel **{EmergencyContacts.Alarmnummer}**. Advies of melden: Veilig Thuis **{EmergencyContacts.VeiligThuis}** (gratis, dag en nacht).";

    public const string Privacy = "Noem geen namen of andere gegevens van de jongere. Die heb ik niet nodig.";

    public const string NotAReplacement =
        "Ik vervang je eigen oordeel niet, en ook niet de meldcode en de aandachtsfunctionaris van je organisatie.";

    public const string SignalerenButton = "Signaleren";

    public const string RisicoButton = "Risico inschatten";

    public const string MeldenButton = "Melden";

    public const string FallbackText = "Welkom bij GuidanceBot. Typ een vraag, of: signaleren, risico, melden.";
}
