using TipBot.Features.Safety;
using TipBot.Features.Understanding;

namespace TipBot.Tests.Features.Safety;

/// <summary>
/// How the triage decides, on the repository's patterns: what is urgent, what only a concern, and how negation,
/// the past, hypotheticals, definitions, news and stories, ages, the conversation and the topic ranking change it.
/// The messages are written for these tests (never copied from an evaluation set).
/// </summary>
public sealed class SafetyTriageTests
{
    private static SafetyLevel Level(string text) => RepositorySafety.Assess(text).Level;

    /// <summary>The repository's patterns and cues without the urgency examples.</summary>
    private static readonly SafetyRules PatternsOnly = new(RepositorySafety.Rules.Signals, RepositorySafety.Rules.Languages, RepositorySafety.Rules.TopicSignals)
    {
        Spellings = RepositorySafety.Rules.Spellings,
    };

    private static SafetyAssessment ByPatterns(string text) => SafetyTriage.Assess(PatternsOnly, new SafetyInput(text));

    [Theory]
    [InlineData("the supervisor locked us in the storeroom and took the key")]
    [InlineData("he is beating my cousin with a stick right now")]
    [InlineData("the driver says he will kill us if we run")]
    [InlineData("im hiding in the toilets at the salon")]
    [InlineData("i want to end my life")]
    [InlineData("they pushed me into a van and i dont know where they are taking me")]
    public void Present_danger_is_urgent(string text)
    {
        Assert.Equal(SafetyLevel.Urgent, Level(text));
    }

    [Theory]
    [InlineData("the welder at our site fell off the roof, he is not breathing and the foreman says no ambulance")]
    [InlineData("my baby is coughing and her lips are going blue, madam says i cant leave the house")]
    [InlineData("motsoalle oa ka ha a sisinyehe mme o tsoa mali hloohong")]
    public void Someone_badly_hurt_or_ill_now_is_urgent_without_anyone_to_blame(string text)
    {
        var assessment = RepositorySafety.Assess(text);

        Assert.Equal(SafetyLevel.Urgent, assessment.Level);
        Assert.Contains("medical-emergency", assessment.Signals);
    }

    [Fact]
    public void A_laughing_emoji_makes_a_threat_a_joke()
    {
        Assert.Equal(SafetyLevel.Urgent, Level("my boss will kill me if im late again"));
        Assert.NotEqual(SafetyLevel.Urgent, Level("my boss will kill me if im late again 😂"));
        Assert.NotEqual(SafetyLevel.Urgent, Level("my boss will kill me if im late again🤣🤣"));
    }

    [Fact]
    public void A_question_about_meaning_stops_discounting_once_another_danger_in_the_message_is_happening_now()
    {
        const string question = "what does it mean when he says he will kill my family like this?";
        Assert.NotEqual(SafetyLevel.Urgent, Level(question));

        var assessment = RepositorySafety.Assess(question + " he is sitting outside my door now");

        Assert.Equal(SafetyLevel.Urgent, assessment.Level);
        Assert.Contains("threat-to-life", assessment.Signals);
    }

    [Fact]
    public void A_film_stays_a_film_when_the_writer_is_only_afraid_now()
    {
        Assert.NotEqual(SafetyLevel.Urgent, Level("i watched a film where the boss said he will kill their families, now i am scared to go to joburg"));
    }

    // Written for this test; no pattern names these situations, the urgency examples carry them. A plea alone is only a
    // concern ("please help me with my contract"): what else the message says decides, so it is read too.
    [Theory]
    [InlineData("the gate has a chain and the man with the dogs sleeps next to it, we are nine in the back room since sunday and there is no food", false)]
    [InlineData("i have the pills in my hand and i wrote goodbye to my mother", false)]
    [InlineData("please help us, we are six girls in a flat in hillbrow and the agent says tomorrow we go to another country", true)]
    [InlineData("please help me, the man brought me to a house far in the bush and i dont know where i am", true)]
    public void Danger_told_in_other_words_than_the_patterns_reads_urgent(string text, bool plea)
    {
        Assert.NotEqual(SafetyLevel.Urgent, ByPatterns(text).Level);

        var assessment = RepositorySafety.Assess(text);

        Assert.Equal(SafetyLevel.Urgent, assessment.Level);
        Assert.Contains(SafetyRules.ReadsUrgentSignal, assessment.Signals);
        // The plea is kept beside what the examples read: the operator sees both.
        Assert.Equal(plea, assessment.Signals.Contains("plea-for-rescue"));
    }

    // Written for this test: a rescue asked for now, or a bare cry, is urgent with nothing else said.
    [Theory]
    [InlineData("pls send the police now")]
    [InlineData("call an ambulance for us")]
    [InlineData("help us please!!")]
    [InlineData("we are not safe here, the boss is drunk and shouting")]
    public void A_plea_for_rescue_now_is_urgent_on_its_own(string text)
    {
        Assert.Equal(SafetyLevel.Urgent, Level(text));
    }

    [Theory]
    [InlineData("please help me, how do i check if a recruiter is real")]
    [InlineData("should i call the police on my boss or go to the labour office")]
    [InlineData("we are not safe crossing the river, is there another way")]
    public void Asking_for_help_with_a_question_is_not_a_plea_for_rescue(string text)
    {
        Assert.NotEqual(SafetyLevel.Urgent, Level(text));
    }

    [Fact]
    public void A_conversation_topic_skips_the_urgency_examples_but_not_the_patterns()
    {
        static SafetyAssessment AsPrivacy(string text) => SafetyTriage.Assess(RepositorySafety.Rules,
            new SafetyInput(text) { Ranking = new TopicRanking(RankingVerdict.Confident, [new TopicScore("privacy", 0.5f, 0.5f)]) });

        Assert.DoesNotContain(SafetyRules.ReadsUrgentSignal, AsPrivacy("can u delete everything i wrote").Signals);
        Assert.Equal(SafetyLevel.Urgent, AsPrivacy("delete this chat, he is checking my phone and says he will kill me").Level);
    }

    [Fact]
    public void Every_calm_topic_exists_in_the_knowledge_base()
    {
        var topics = RepositorySafety.Knowledge.Entries.Select(e => e.Id).ToHashSet(StringComparer.Ordinal);
        Assert.NotEmpty(RepositorySafety.Rules.CalmTopics);
        Assert.All(RepositorySafety.Rules.CalmTopics, t => Assert.Contains(t, topics));
    }

    // Each of these came out nearer the urgent examples than the calm ones: too few words to mean anything either way.
    [Theory]
    [InlineData("my sister")]
    [InlineData("the truck")]
    [InlineData("at night")]
    [InlineData("no food")]
    [InlineData("he is here")]
    public void A_message_of_a_few_words_is_left_to_the_patterns(string text)
    {
        Assert.DoesNotContain(SafetyRules.ReadsUrgentSignal, RepositorySafety.Assess(text).Signals);
    }

    [Theory]
    [InlineData("two years ago the gate had a chain and the man with the dogs slept next to it. that is over, i am home in maseru now")]
    [InlineData("in the film the gate has a chain and a man with dogs sleeps next to it, is that how it really is?")]
    [InlineData("last july the foreman beat my son at the building site, he works somewhere else")]
    public void The_same_story_over_or_in_a_film_is_not_urgent(string text)
    {
        Assert.NotEqual(SafetyLevel.Urgent, Level(text));
    }

    // "Still" says it goes on; "can I still" asks whether it is too late, and the past it is asked about stays past.
    [Theory]
    [InlineData("years ago my foreman beat me with a spade and i left that farm long ago can i still lay a charge", false)]
    [InlineData("my foreman beat me with a spade years ago and he still beats the new workers", true)]
    public void Can_i_still_asks_about_the_past_while_still_says_it_goes_on(string text, bool urgent)
    {
        Assert.Equal(urgent, Level(text) == SafetyLevel.Urgent);
    }

    [Theory]
    [InlineData("my boss has never hit me, he just shouts")]
    [InlineData("they do not lock us in at night")]
    [InlineData("nobody is beating me, i only want my pay")]
    // The "never" sits inside the match, where the pattern allows any one word.
    [InlineData("my husband will never kill me, he loves me")]
    public void Negated_danger_does_not_count(string text)
    {
        var assessment = RepositorySafety.Assess(text);

        Assert.NotEqual(SafetyLevel.Urgent, assessment.Level);
        Assert.Contains(assessment.Discounted, d => d.EndsWith(":negated", StringComparison.Ordinal));
    }

    // A negation does not reach past "and" or "but" into the next statement, and in a threat said with "if" it is the
    // condition's ("if we don't open the gate"), not the threat's.
    [Theory]
    [InlineData("he did not pay and locked us in the shed")]
    [InlineData("they didnt pay but locked us inside the hostel")]
    [InlineData("if we dont open the gate they will come in and stab us")]
    [InlineData("he says if we do not pay the rest by friday they will burn our house")]
    [InlineData("he said call nobody then his phone went off, the boss locked the hostel")]
    public void A_negation_that_belongs_to_another_statement_does_not_cancel_the_danger(string text)
    {
        var assessment = RepositorySafety.Assess(text);

        Assert.Equal(SafetyLevel.Urgent, assessment.Level);
        Assert.DoesNotContain(assessment.Discounted, d => d.EndsWith(":negated", StringComparison.Ordinal));
    }

    [Theory]
    [InlineData("my niece in grade 8 says a man offered her a job in pretoria")]
    [InlineData("ngoanana oa rona oa grade 5 o re o tla ea sebetsa Gauteng")]
    public void A_school_grade_says_the_person_is_a_child(string text) => Assert.True(RepositorySafety.Assess(text).Minor);

    [Theory]
    [InlineData("ba mpitsa mosebetsing oa bosiu. Ke 15. Ke etse joang")]
    [InlineData("ke sebetsa tavern ea hae. ke 16, ha ke ee sekolong")]
    public void A_bare_age_between_sentences_in_Sesotho_says_the_writer_is_a_child(string text) => Assert.True(RepositorySafety.Assess(text).Minor);

    // Out of reach is a danger sign once another one is there: the phones taken, a guard, a threat.
    [Theory]
    [InlineData("the boss took their phones and now i cannot reach my brother")]
    [InlineData("the agent says he knows our village and since then my sister does not answer")]
    public void A_relative_out_of_reach_with_another_danger_sign_is_urgent_by_the_patterns_alone(string text)
    {
        var assessment = ByPatterns(text);

        Assert.Equal(SafetyLevel.Urgent, assessment.Level);
        Assert.Contains("missing", assessment.Signals);
    }

    // A one-word cry after what is happening is a plea; "help" alone is how people ask for the menu.
    [Fact]
    public void A_one_word_cry_after_a_danger_sign_makes_it_urgent_by_the_patterns_alone()
    {
        Assert.Equal(SafetyLevel.Urgent, ByPatterns("the madam locks the gate every night and hides the keys. help").Level);
        Assert.NotEqual(SafetyLevel.Urgent, ByPatterns("the madam locks the gate every night and hides the keys").Level);
        Assert.Equal(SafetyLevel.None, ByPatterns("help").Level);
    }

    // Threats said without naming the harm: a visit on a condition, a lesson, being "good" to his guests tonight.
    [Theory]
    [InlineData("the agent says his cousins will pay my granny a visit if we talk to the labour office")]
    [InlineData("the farmer says if we strike again hell teach us a lesson")]
    [InlineData("the tavern owner says i have to be good to his guests tonight or i sleep in the street")]
    [InlineData("ntate o re re tla bona lintho ha re sa lefe chelete hosane")]
    public void A_veiled_threat_is_urgent_by_the_patterns_alone(string text)
    {
        Assert.Equal(SafetyLevel.Urgent, ByPatterns(text).Level);
    }

    [Theory]
    [InlineData("my aunt will visit us this weekend if i dont go home")]
    [InlineData("the new teacher is going to teach us a lesson about contracts")]
    [InlineData("my dad says we must be kind to his colleagues tomorrow at the braai")]
    public void The_same_words_about_ordinary_things_are_not_urgent(string text)
    {
        Assert.NotEqual(SafetyLevel.Urgent, ByPatterns(text).Level);
    }

    // Who fetches a child decides it; and in Sesotho "o ne a" marks the past up to the match, but what she was saying
    // ("a re ...") is told in her own tense, and a relative clause's past ("the woman who had promised her a job") is not
    // the tense of what follows. Danger in other words: a driver who leaves the road and will not say why, nobody let off
    // a moving kombi, a rope bought for tonight, a man's friends to "please" tonight. Text-message shorthand ("k" for "ke"), a
    // room locked from outside with the writer in it, a goodbye at the river or to a family "better off" without them, a debt
    // to be paid in the back rooms, hesitations inside a demand to be "nice", girls about to be taken through the border,
    // bride cattle taken for a child. Told calmly or relayed: a gun shown, a worker struck, miners trapped, a threat that
    // keeps someone in the yard, a silent plea from a vehicle full of girls, a visit with his men, a whispered call and then
    // silence, a photo of the family's house or school, a burn; a child taken by a parent's partner, the people who held
    // someone waiting outside, stab wounds, labour with no transport, a child who sleeps at a tavern, kept in by a threat of
    // dogs, people pushed into the back of a truck, crying.
    [Theory]
    [InlineData("my niece is 14 and a man from a modelling agency is fetching her at the mall tonight", "my niece is 14 and her aunt is fetching her at the mall tonight")]
    [InlineData("ngoan'eso o ne a ntetsetsa maobane bosiu a re o koaletsoe ka kamoreng ke mong'a hae", "ngoan'eso o ne a koaletsoe ka kamoreng ke mong'a hae, joale o bolokehile")]
    [InlineData("the driver turned off the highway onto a farm track and refuses to say where we are going", "the driver turned off the highway for fuel and told us we stop for ten minutes")]
    [InlineData("the man took our ids at the pickup and says nobody gets off the kombi until the farm", "the conductor says nobody gets off before the bus reaches the station")]
    [InlineData("ke rekile thapo, bosiung bona ke tla e qeta", "ke rekile thapo ea ho tlama thepa, ke tla e qeta hosane")]
    [InlineData("monna ea ntlisitseng mona o re bosiung bona ke tla thabisa metsoalle ea hae", "madam o re bosiung bona ke tla sebeletsa metsoalle ea hae lijo")]
    [InlineData("mosali ea neng a mo tšepisa mosebetsi o mo isitse Soweto, ho na le banna ba sa mo lumelleng ho tsoa", "ngoanana o ne a sebetsa Soweto, ho ne ho na le banna ba neng ba sa mo lumelleng ho tsoa")]
    [InlineData("k notletswe ka tlung, thusang", "selemong se fetileng k ne k notletswe ka tlung, jwale k bolokehile")]
    [InlineData("mong'a polasi o notletse heke ka ntle, re ka hare", "ke notletse kamore ka ntle ha ke ea lebenkeleng")]
    [InlineData("ke leba borokhong ke ilo felisa bophelo", "ke ea nokeng ho hlatsoa, ke tla qeta tsohle pele ho mantsiboea")]
    [InlineData("my children will be better off if i am gone", "the company is better off without me, i am resigning")]
    [InlineData("i am alone and i cant trust myself anymore", "i dont trust myself to choose the right agency")]
    [InlineData("the madam says i owe R4000 and the way to pay it off is the vip room", "i owe the landlord R600 and the only way to his office is upstairs")]
    [InlineData("the boss says we have to be, um, good to his guests tonight", "my dad says we must be, um, good to his guests at the braai tonight")]
    [InlineData("the girls with that driver look scared and theyre about to go across the border", "the choir girls look scared and theyre about to go through the gate for the show")]
    [InlineData("her parents received his cattle and my sister, she is 15, is sent to him tomorrow", "my uncle took his cattle to the dip today and my sister, she is 15, went with him")]
    [InlineData("the boss showed a revolver and says we work tonight", "the police officer showed his gun at the roadblock and checked our papers")]
    [InlineData("the induna struck us with a stick today", "years ago a teacher struck me with a ruler, i am grown now")]
    [InlineData("my cousin is trapped with the others since the explosion", "in 2010 the miners were trapped with others for two days and all came out")]
    [InlineData("my brother has not been allowed to leave the mine hostel since march", "back in 2019 i wasnt allowed off the farm, now im home")]
    [InlineData("she says if i go outside the fence the guards will shoot", "if we walk out of the gate at night the tsotsis will rob us")]
    [InlineData("a van at the filling station with many young girls, one signalled to call the police", "a bus at the garage with about 12 young girls from the school choir, one waved at me")]
    [InlineData("the money lender says he will come to my mothers place with his men tonight", "my uncle will come to our house on sunday with his boys for the braai")]
    [InlineData("ausi o letsitse bosiu a hoeshetsa, joale mohala o koetsoe", "ausi o letsitse bosiu, joale mohala o koetsoe")]
    [InlineData("agent o nthomeletse setshwantsho sa sekolo sa bana, ke tshaba", "ausi o nthomeletse foto ea ntlo ea hae e ncha")]
    [InlineData("motsoalle o chesehile sefahleho mollong", "ke chele hanyane ha ke pheha")]
    [InlineData("my niece is 9 and she was taken today by her moms boyfriend to sell sweets in durban", "my niece is 9 and she was taken today by her mom to buy school shoes in durban")]
    [InlineData("our little one (9) was taken this morning by a man in a red car", "our little one (9) was taken this morning by her granny to church")]
    [InlineData("the boy who ran into our church says the men who kept him are waiting outside in a bakkie", "the boy who ran into our church says his parents are waiting outside in a bakkie")]
    [InlineData("a worker arrived at the clinic gate with stab wounds and is losing blood", "the first aid class practised bandaging a stab wound on a dummy")]
    [InlineData("my wife has labour pains in the hostel and there is no transport", "my wife had labour pains last year and the baby is fine")]
    [InlineData("our neighbours girl is 13 and she sleeps in the tavern every night", "our neighbours boy is 13 and he plays at the soccer club every saturday")]
    [InlineData("ngoanana oa lilemo li 14 o robala ka shebeen ea malome", "ngoanana oa lilemo li 14 o robala ka tlung ea malome")]
    [InlineData("mong'a polasi o re ha re baleha lintja li tla re loma", "ha re tsoa bosiu masholu a tla re tsoara")]
    [InlineData("ke bona banna ba kenya basali ba babeli ka morao ho teraka, ba ntse ba hoeletsa", "ke bona banna ba kenya mekotla ka morao ho teraka, ba ntse ba bina")]
    [InlineData("ausi o ntse a beleha ka kamoreng, ha ho motho ea mo thusang", "ausi o ntse a beleha sepetleleng, ngaka e teng")]
    [InlineData("my niece is 15 and the old shopkeeper sent 10 cows to her father", "my nephew is 15 and the old shopkeeper sent 10 cows to the dip with him")]
    [InlineData("the recruiter is sending my niece to an unknown place on sunday and she is terrified", "the school is sending my niece to a different town on sunday for a debate and she is excited")]
    [InlineData("my uncles group will cross near the bridge tonight even though the caledon is flooded", "my uncles group will cross the bridge tonight by bus, the caledon is pretty")]
    [InlineData("we are in his car for an hour now and he wont stop even when i cry", "we are in his car for an hour now and he stops at every garage for snacks")]
    [InlineData("grandpa sat down suddenly and now he cant speak clearly and his arm is weak", "grandpa is new in johannesburg and he cant speak clearly in zulu yet")]
    [InlineData("the owner refuses to phone an ambulance for the worker with the burnt hand", "the owner says we must phone an ambulance if anyone gets burnt")]
    [InlineData("the bar owner told me to go to a clients room tonight or lose my shifts", "the bar owner told me to go to a clients room tonight to fix the tv")]
    [InlineData("the supervisor whipped two of us today and told me it will be me next", "the supervisor thanked two of us today and told me it will be me next")]
    [InlineData("the boss shut us in the container and took the keys", "the boss sent us to the container and took the tools")]
    [InlineData("abuti o tsoeroe ke linokoane, ba batla R5000", "abuti o tsamaile le agent, o fihlile hantle")]
    [InlineData("rangoane ba re a nyaloe ke morui. O 15, o a lla", "rangoane ba re a ithute ho khanna. O 15, o a thaba")]
    [InlineData("abuti o inoele khemikhale ea temo, lephephe le tsoa molomong", "abuti o rekile khemikhale ea temo, e theko e tlase")]
    [InlineData("the farmer warned that workers who complain to the union will be buried next to the kraal", "the farmer warned that workers who complain to the union will be paid late")]
    [InlineData("we are in the caledon now and the water is above my chest", "we swam at the dam on sunday and the water was above my chest lol")]
    [InlineData("a man has a girl of 8 in his car and they could not tell me his name", "a teacher has a girl of 8 in her car and they could tell me her name")]
    [InlineData("menyako le lifensetere li notletsoe, ba ntlohetse ke le mong", "menyako le lifensetere li buleloe, moea o kena hantle")]
    [InlineData("after the farm closed last month my uncle has taken a handful of pills", "after the farm closed last month my uncle has taken a handful of pills for his back")]
    [InlineData("the men holding my uncle want r7000 before they will release him", "the mechanic wants r7000 before he will fix the car")]
    [InlineData("my brother is 13 and he went this morning with a woman he chats with on whatsapp", "my brother is 23 and he went this morning with a woman he chats with on whatsapp")]
    [InlineData("the learner (14) from our school left with a man she met on tiktok", "the learner (19) from our school left with a man she met on tiktok")]
    [InlineData("me and my cousin are 14, a woman from an instagram page is coming to fetch us", "me and my cousin are 24, a woman from an instagram page is coming to fetch us")]
    [InlineData("she ran from the farm and the owners people searched her hostel, tonight she is hiding in the veld", "she left the farm and the landlords people searched her hostel, tonight she is staying at her aunts")]
    [InlineData("some men dragged him out of the kombi at the roadblock", "some men helped him out of the kombi at the roadblock")]
    [InlineData("they put a bullet in our post box and my wife is afraid", "they put a letter in our post box and my wife is afraid")]
    [InlineData("the woman next to me on the bus is drugged and the man with her says she is his wife", "the woman next to me on the bus is tired and the man with her says she is his wife")]
    [InlineData("i am 15 and the driver will not stop, i dont know this road", "i am 15 and the driver will not stop at our village anymore")]
    [InlineData("our phones are with the supervisor now and the dogs guard the gate at night", "our phones are charging now and the dogs guard the gate at night")]
    [InlineData("my brother is sick and he is not allowed to see a doctor, the farmer keeps the key", "my brother is sick and he is not allowed to see a doctor on sunday, the clinic is closed")]
    [InlineData("she is 14 and she was sent to the chiefs son as his bride on monday", "she is 14 and she was sent to the chiefs son as his helper on monday")]
    [InlineData("the boss keeps our phones, and the men who left with his truck before have not come back", "the boss fixes our phones, and the men who left with his truck before came back with fruit")]
    [InlineData("cant talk. sos. the yellow house by the mill", "cant talk now. call you after the meeting")]
    [InlineData("my aunt sold her niece to a man from the mines", "my aunt sold her sheep to a man from the mines")]
    [InlineData("induna o re etsa lintho tse mpe bosiu, o re re ka lelekoa naheng haeba re bua", "induna o re etsa lintho tse ntle bosiu, o re re ka lelekoa naheng haeba re bua")]
    [InlineData("re lahlehile naheng, motsoalle oa ka ha a sa khone ho hema hantle", "re lahlehile toropong, motsoalle oa ka ha a sa tsebe tsela")]
    [InlineData("re theohile ka koloi, mokhanni o re siile hara naha, re hatsetse haholo", "re theohile ka koloi, mokhanni o re siile hara toropo, re khathetse haholo")]
    [InlineData("malome o tsoeroe ke liganka tsa merafong", "malome o tsebana le liganka tsa merafong")]
    [InlineData("ke tshohile haholo, ba tla re tshwara", "ke thabile haholo, ba tla re thusa")]
    [InlineData("re thuse, potlakang le tle. ba tla khutla hape", "re thuse, potlakang le tle. ba tla khutla hosane ka lijo")]
    [InlineData("ba re koaletse ka tlung, ha re khone ho tsoa", "pula e re koaletse ka tlung beke kaofela")]
    [InlineData("re baleha le ngoana oa ka oa lilemo li 6, monna oa koloi e khubelu o ntse a re sala morao", "re tsamaea le ngoana oa ka oa lilemo li 6, re ntse re sala morao ka tefo ea sekolo")]
    [InlineData("ausi o 15, malome o re ke eena ea nyaloang ka Moqebelo", "ausi o 25, malome o re ke eena ea nyaloang ka Moqebelo")]
    [InlineData("my son, 13, left with a man he met on facebook", "my son, 33, left with a man he met on facebook")]
    [InlineData("agent o re re tlameha ho ba thabisa kajeno, ke a tshaba", "agent o re re tlameha ho ba thabisa ka lipina tsa kereke, ke a thaba")]
    [InlineData("my niece is 12, the lady she works for says she will move her further inland on sunday", "my niece is 12, the teacher says she will take her further on the school trip on sunday")]
    [InlineData("the cleaner at the guesthouse gave me a note with help me on it, the owner locks her room", "the cleaner at the guesthouse gave me a note with the wifi password on it")]
    [InlineData("at the border post a man told the kids to say he is their father, the boys look 9 or 10", "at the border post a man told the kids to say thank you to the officer, the boys look 9 or 10")]
    [InlineData("i asked to leave and now the farmers men are waiting outside my room", "i asked to leave and now the farmers men are playing cards by the kraal")]
    [InlineData("the foreman phoned, he wants to come to my house with his crew this evening", "the foreman phoned, he wants to come to my house with his crew in june for the wedding")]
    [InlineData("my friends eye is bruised and she says never text her, the boss reads everything", "my friends eye is bruised from netball and she says text her after training")]
    [InlineData("the supervisor whips anyone who sits down", "the old supervisor was strict about sitting down in 2019")]
    [InlineData("koloi e tshoasehile ka hara noka, metsi a ntse a eketseha, re thuseng", "selemong se fetileng metsi a noka a ne a nyoloha ka December")]
    [InlineData("mong'a ntlo o re ke tla lefa rente ka mmele bosiung bona", "mong'a ntlo o re ke tla lefa rente ka Mantaha")]
    [InlineData("agent o re o tseba moo ke robalang, banna ba hae ba se ba le tseleng", "ntate o nthomella lifoto tsa lenyalo, metsoalle ea hae e se e le tseleng ho tla mokete")]
    [InlineData("re theohisitsoe tseleng bosiu, ha re tsebe hore re kae, re thuseng", "ke kopa thuso, ha ke tsebe hore ke kae moo nka fumanang pasa e ncha")]
    [InlineData("re balehile polasing, joale mong'a eona o romile banna ho re batla", "re balehile polasing selemong se fetileng, joale re sebetsa Maseru")]
    [InlineData("mora oa ka oa 13 o ka beseng ea Durban le mosali eo a sa mo tsebeng", "mora oa ka oa 13 o ka beseng ea Durban le rakhali oa hae")]
    [InlineData("banana ba rona, 14 le 17, ba latiloe ke mosali ho ea sebetsa Welkom kajeno", "banana ba rona ba ile Welkom ho ea sebetsa ha ba qeta sekolo")]
    [InlineData("my niece sent her location and the word help from a salon in hillbrow, then nothing", "my niece sent her location and the word hello from a salon in hillbrow, then nothing")]
    [InlineData("ran from the brickyard on saturday and slept in the veld, im scared theyll find me", "ran from the brickyard on saturday and slept in the veld, im scared theyll dock my pay")]
    [InlineData("they sealed us in a trailer behind the warehouse and the driver will not open", "they parked the trailer behind the warehouse and the driver went for lunch")]
    [InlineData("we have not eaten for five days at the farm and my cousin is so weak she cannot stand", "we have not eaten meat for five days at the farm and my cousin wants to buy some in town")]
    [InlineData("the gate is chained and the man says nobody goes to town", "the gate is painted green and the man says we can go to town on sunday")]
    [InlineData("the lodge cook says if we refuse to keep the guests company we sleep outside", "the lodge cook says if we refuse to keep the kitchen clean we cook alone")]
    [InlineData("there is a guard at the gate day and night and the madam say if i go out theyll hand me to immigration", "there is a guard at the gate day and night and the madam say if i go out they will hand me my last pay")]
    [InlineData("escaped from the shebeen, the owner keeps texting saying hell track me down", "escaped the rain at the shebeen, the owner keeps texting saying hell pay me on friday")]
    [InlineData("the madam burnt my passport this morning, she says i can never go home now", "the madam renewed my passport this morning, she says i can go home in december")]
    [InlineData("at five the owners lock the workshop from outside when they go, we are still in it", "we lock the salon from outside when we go home and sleep at our own places")]
    [InlineData("my phone is with the madam now and her driver sits outside my door at night", "my phone is charging now and her driver sits outside my door at night")]
    [InlineData("the yard has dogs and we not allowed to go town", "the yard has dogs and we allowed to go town on sundays")]
    [InlineData("the foreman says hell make sure my kids in quthing get hurt if i report him", "the foreman says hell make sure my kids in quthing get paid if i report him")]
    [InlineData("a gang set fire to the hostel and my brother is badly burnt", "the builders painted the hostel and my brother is very tired")]
    [InlineData("the madam hid my shoes so i cant run away", "the madam keeps my passport so i wont run away, she says")]
    [InlineData("a man is fetching six kids from our village, they are 11 and 12, he says they go in an hour", "a teacher is fetching six kids from our village for the choir, they are 11 and 12")]
    [InlineData("the boss wants me to keep the visitors happy upstairs tonight", "the boss wants me to keep the visitors happy with music tonight")]
    [InlineData("the client says he paid the madam for me, he is in the bathroom", "the client says he paid the madam for the cake, he is in the bathroom")]
    [InlineData("the boss says if he catches us near the police station we are dead", "my mom says if she catches us near the tavern we are dead")]
    [InlineData("the farmer keeps saying we belong to him until the harvest", "the farmer keeps saying the land belongs to him until the harvest")]
    [InlineData("my cousin is 14 and is crossing at maseru bridge using another girls passport", "my cousin is 24 and is crossing at maseru bridge using another girls passport")]
    [InlineData("three men are herding a group of girls into the back house and the girls are terrified", "three men are herding a group of girls into the hall for the choir")]
    [InlineData("my nephew is 12 and a man takes him to a farm in ficksburg this weekend", "my nephew is 12 and his father takes him to visit granny in ficksburg this weekend")]
    [InlineData("the men at the gate send us back whenever we try to go out", "the men at the gate send us back whenever we forget our cards")]
    [InlineData("there is a panga against my husbands neck, come", "there is a panga against my husbands shed wall")]
    [InlineData("the family went away and left me locked inside since friday", "the family went away and left me inside the gate with the keys since friday")]
    [InlineData("they keep us locked in the compound until the contract ends in 2030", "they kept us locked in the compound until the contract ended in 2019")]
    [InlineData("re hara noka joale, ausi ha a tsebe ho sesa", "ausi ha a tsebe ho sesa, o batla lithuto")]
    [InlineData("ha ke na nako ea ho ngola, o khutla joale", "ha ke na nako ea ho ngola lengolo la kopo joale")]
    [InlineData("mookameli o re o tla re felisa kaofela", "mookameli o re o tla re fa moputso kaofela")]
    [InlineData("pelehi e qalile mme ha ho motho haufi", "pelehi ea ka e tla ka December")]
    [InlineData("banna ba agent ba fihlile ho mpatla hona joale", "batho ba kereke ba tlile ho re etela kajeno")]
    [InlineData("my husband broke my nose and is asleep in the next room", "my husband broke his nose playing rugby and is asleep in the next room")]
    [InlineData("the owner says the last girl who talked to the police was never seen again", "the owner says the last girl who talked to the police was paid her money")]
    [InlineData("my boss goes out and then padlocks the gate, im inside till evening", "we go out and then padlock the gate because of thieves")]
    [InlineData("my daughter is 13 and a man from facebook says he will collect her from the garage", "my daughter is 13 and her father says he will collect her from the garage")]
    [InlineData("water to our necks and the current pulls", "water to our knees and the kids are playing")]
    [InlineData("he placed a revolver next to my plate and told me to eat", "he placed a pepper grinder next to my plate and told me to eat")]
    [InlineData("the owner says two clients want company overnight and i am the one", "the manager says the old man in room 4 needs company tonight, i am his carer")]
    [InlineData("mosali o re re tlameha ho robala le bareki bosiung bona", "mosali o re re tlameha ho tsamaea le banna ba kereke bosiung bona")]
    [InlineData("induna o re lebeletse ka thipa", "re shebile filimi ea molebeli ea nang le sethunya")]
    [InlineData("two small girls just climbed into a strangers quantum outside the school", "two small girls just climbed into the school bus outside the school")]
    [InlineData("the little ones got into a strangers kombi at the shop", "the little ones got into the kombi to go to school")]
    [InlineData("my sister texted he is back now dont reply, then her phone went off", "my sister texted she is back from work now dont reply, she will sleep")]
    [InlineData("the family flew to durban for a month and left me in the house with no key and little food", "the family flew to durban for a month and left me in the house with a spare key and the car")]
    [InlineData("the owner drives us from the room to the farm and back and we are not allowed to go to church", "my husband drives us from the house to the church and back every sunday")]
    [InlineData("the agent keeps messaging that he knows my daughters school, and says by tuesday", "the new teacher knows my daughters school and says the report comes by tuesday")]
    [InlineData("the tavern owner says from tonight i must keep his special customers happy in the back rooms", "the hotel manager says from tonight i must keep the vip guests happy at the front desk")]
    [InlineData("the door of our room only unlocks when the boss arrives at seven", "the door of the clinic only unlocks when the nurse arrives at seven")]
    [InlineData("can i ask fast while the driver who fetched us here is asleep: where is the nearest police station", "can i ask fast while my uncle who fetched us here is asleep: where is the nearest bus station")]
    [InlineData("the farmer told us anyone who climbs the fence gets shot", "the film was about a farmer where anyone who climbs the fence gets shot")]
    [InlineData("the lady driving us wants all our phones now, maybe i must run out at the next petrol station", "the lady driving us wants all our phone numbers for the group, we climb out at the next petrol station to buy food")]
    [InlineData("the owner says she will throw away my id if i try to leave", "home affairs says they will destroy my old passport if i get a new one")]
    [InlineData("the recruiter says come alone to the rank at six, no phone", "my cousin says come alone to the surprise party at six, no phone")]
    [InlineData("i ran away from the farm. the boss says he will kill me when he finds me", "i ran away from the farm. the boss locked us in the store every night")]
    [InlineData("ha ke bolokehe mona, ntate o khutla a tahiloe", "ha ke bolokehe ha ke tsamaea tseleng bosiu ke le mong")]
    [InlineData("my brother phoned to say the farmer pushed the workers into the shed and locked it", "my brother phoned to say the farmer pushed the sheep into the shed and locked it")]
    [InlineData("the loan men say theyll take my younger brother as payment if mama cannot pay", "the loan men say theyll take my fridge as payment if mama cannot pay")]
    [InlineData("we are in the house with all the lights off, please send someone", "there is no electricity so we are in the house with all the lights off, please send candles")]
    [InlineData("the manager keeps us locked in the back room and took our phones", "the lift got stuck and we were locked in it for an hour and took photos lol")]
    [InlineData("the shebeen owner says if i go to the labour office hell make me disappear", "the pharmacist says if i use this cream it will make the spots disappear")]
    [InlineData("he stopped the kombi in the bush and says if we cry he will finish us", "the coach stopped the kombi at the field and says if we run fast he will finish us early")]
    [InlineData("the agent took our ids, nobody walks away from this yard he warns", "the agent took our ids for copies and says we can walk away with them after lunch")]
    [InlineData("a girl about 11 at the taxi rank whispered to me that she doesnt know the man with her", "my girl of 11 says she doesnt know the man who keeps texting her on whatsapp")]
    [InlineData("the cleaner at the guesthouse showed me the back door is chained and whispered help us", "the cleaner at the guesthouse says the shop door is chained after closing")]
    [InlineData("ngoaneso o ngola hore ba mo qobella ho palama koloi, joale o khutsitse", "ngoaneso o ngola hore ba mo qobella ho ea sekolong sa bosiu, o a tena")]
    [InlineData("mosali a re ke ngoana oa hae athe ha a tsebe lebitso la hae", "mosali a re ke ngoana oa hae, o tseba lebitso la hae hantle")]
    [InlineData("we stay in the back room and the door is bolted from the other side all day", "the shop door is bolted from the outside after closing")]
    [InlineData("my sister sent a photo, the door of her room has no handle on the inside", "my sister sent a photo, the door of her bathroom has no handle on the inside, the landlord will fix it")]
    [InlineData("i slipped out of the farm at dawn, the foreman is driving around searching the roads", "the police are driving around searching the roads for the stolen cattle")]
    [InlineData("pay what you owe by friday or my boys will visit your mother", "come to my birthday braai on friday or my friends will visit you with cake")]
    [InlineData("a man hired my taxi for ten girls to durban and took all their phones before they board", "the teacher took all their phones before the bus left for the school tour")]
    [InlineData("cant type now they are back at the door, send someone", "my father cant type on the phone, can a person ring him")]
    [InlineData("the loan people messaged that they know where my little son sleeps. i left their bar without paying", "my sister messaged that we know where she lives now so we can fetch her for the wedding")]
    [InlineData("my brother sent our secret word that means danger, since then his phone is off", "the secret word for the wifi means nothing to my brother, his phone is off")]
    [InlineData("abuti o nthomella lentsoe leo re dumellaneng hore le bolela kotsi feela, ha a sa arabe le hanyane", "abuti o nthomella lentsoe leo re dumellaneng hore le bolela papali ea bolo")]
    [InlineData("induna o hlabile mosebetsi-'moho ka thipa mona hostele", "ntate o hlabile kolobe ka thipa mona hae bakeng sa mokete")]
    [InlineData("ngoanana oa lilemo tse 14 o re monna o tla mo lata hosane ho ea Gauteng", "ngoanana oa lilemo tse 14 o re malome o tla mo lata sekolong hosane")]
    public void A_danger_now_is_urgent_and_the_same_words_about_ordinary_things_family_or_the_past_are_not(string urgent, string calm)
    {
        Assert.Equal(SafetyLevel.Urgent, ByPatterns(urgent).Level);
        Assert.NotEqual(SafetyLevel.Urgent, ByPatterns(calm).Level);
    }

    // Men announced for tomorrow are about to come, so a child's "I'm at home" does not make it over.
    [Fact]
    public void A_child_at_home_whom_men_come_to_take_tomorrow_is_urgent()
    {
        var assessment = ByPatterns("im 14. my stepfather owes money and his friends are coming to fetch me tomorrow. im at home now");

        Assert.Equal(SafetyLevel.Urgent, assessment.Level);
        Assert.True(assessment.Minor);
    }

    // Cut off by order ("don't talk to anyone") is a danger sign: with a child, urgent.
    [Fact]
    public void A_child_told_not_to_talk_to_anyone_is_urgent_by_the_patterns_alone()
    {
        Assert.Equal(SafetyLevel.Urgent, ByPatterns("my cousin is 15 and the man driving her to joburg keeps telling her not to talk to anyone").Level);
        Assert.NotEqual(SafetyLevel.Urgent, ByPatterns("my cousin is 15 and her boss told her not to talk to anyone about the surprise party").Level);
    }

    [Fact]
    public void Teenage_girls_are_children()
    {
        Assert.True(ByPatterns("a driver at the rank has five teenage girls and keeps their ids").Minor);
    }

    // "oa mo shapa" is "o a mo shapa" written together, the usual spelling of the present.
    [Fact]
    public void A_contracted_sesotho_present_tense_is_still_violence()
    {
        var assessment = ByPatterns("ngoana oa lilemo tse 11 o sebetsa polasing, mong'a polasi oa mo shapa");

        Assert.Equal(SafetyLevel.Urgent, assessment.Level);
        Assert.Contains("violence", assessment.Signals);
    }

    // A colon is a clause break, and the relayed word for help is often written after one.
    [Theory]
    [InlineData("my cousin sent her location and one word: help")]
    [InlineData("khaitseli ea ka e nthomelletse location le lentsoe le le leng: thusa")]
    public void A_relayed_word_for_help_after_a_colon_is_a_plea(string text)
    {
        Assert.Contains("plea-for-rescue", ByPatterns(text).Signals);
    }

    [Fact]
    public void Freed_by_the_police_and_now_at_a_shelter_is_not_urgent()
    {
        Assert.NotEqual(SafetyLevel.Urgent, ByPatterns("mapolesa a re ntšitse polasing eo re neng re koaletsoe ho eona, hona joale re shelter Maseru").Level);
    }

    [Fact]
    public void A_negation_that_is_part_of_the_danger_still_counts()
    {
        Assert.Equal(SafetyLevel.Urgent, Level("he wont stop hitting me, please help"));
        Assert.Equal(SafetyLevel.Urgent, Level("we are not allowed to leave the compound"));
    }

    [Theory]
    [InlineData("years ago a boss used to lock us in the hostel. was that legal?")]
    [InlineData("last year my employer beat me. i am safe at home in maseru now")]
    [InlineData("i escaped from the farm where they kept us locked in, i want to know my rights")]
    [InlineData("the owner locked me in a storeroom in rustenburg in 2018 and kept my pay. what are my rights")]
    // South African Sesotho spelling, which Setswana shares: the Setswana patterns read the Sesotho past too.
    [InlineData("selemong se fetileng ba ntshwere polasing, joale ke hae")]
    [InlineData("selemong se fetileng ba re notleletse ka stoere")]
    public void Past_danger_is_a_concern_not_urgent(string text)
    {
        var assessment = RepositorySafety.Assess(text);

        Assert.Equal(SafetyLevel.Concern, assessment.Level);
        Assert.NotEmpty(assessment.RedFlags);
    }

    [Fact]
    public void A_tense_marker_speaks_for_its_own_verb_not_for_the_whole_sentence()
    {
        // "She says they locked her in the room, she had borrowed a friend's phone": the locking is now.
        Assert.Equal(SafetyLevel.Urgent, Level("o re ba mo koaletse ka kamoreng, o ne a adimile mohala oa motsoalle"));
        // "My sister was locked in by her employer in Durban": told in the past.
        Assert.NotEqual(SafetyLevel.Urgent, Level("khaitseli ea ka o ne a koaletsoe ke mong'a hae durban"));
    }

    [Fact]
    public void A_word_of_now_ends_the_past_told_before_it_in_the_sentence()
    {
        // "I was asking about a visa but now they have come, they have locked me in my uncle's rondavel": the locking is now.
        Assert.Equal(SafetyLevel.Urgent, Level("ke ne ke botsa ka visa but now ba tlile, ba nkoaletse ka rondavel ea malome"));
        // The same without the word of now stays told in the past.
        Assert.NotEqual(SafetyLevel.Urgent, Level("ke ne ke botsa ka visa mme ba tlile, ba nkoaletse ka rondavel ea malome"));
    }

    [Fact]
    public void The_present_wins_over_a_past_mention()
    {
        Assert.Equal(SafetyLevel.Urgent, Level("last year i came to work here. now the boss locks us in every night"));
        Assert.Equal(SafetyLevel.Urgent, Level("i ran away yesterday but im hiding now, they are looking for me"));
    }

    [Theory]
    [InlineData("if my employer locks me in at night, is that allowed?")]
    [InlineData("what if the agent takes my passport and locks me in? just asking")]
    [InlineData("haeba mohiri a ka re koalla ka hare, na ho lumelloa? ke botsa feela")]
    public void A_hypothetical_is_not_urgent(string text)
    {
        Assert.NotEqual(SafetyLevel.Urgent, Level(text));
    }

    [Theory]
    [InlineData("what does debt bondage mean? a man on the radio said it")]
    [InlineData("i saw on the news that girls were locked in a house in welkom. how does trafficking work")]
    [InlineData("write me a story about a girl who is kidnapped")]
    [InlineData("is the movie about the woman held captive a true story")]
    public void Definitions_news_and_stories_are_not_urgent(string text)
    {
        Assert.NotEqual(SafetyLevel.Urgent, Level(text));
    }

    [Fact]
    public void The_news_does_not_hide_a_danger_happening_now()
    {
        Assert.Equal(SafetyLevel.Urgent, Level("i heard about trafficking on the radio. now my boss has locked me in the room"));
    }

    [Theory]
    [InlineData("my employer keeps my passport and has not paid me for two months", "retention-of-identity-documents", "withholding-of-wages")]
    [InlineData("we work 14 hour shifts with no day off", "excessive-overtime", null)]
    public void Exploitation_is_a_concern_with_its_ILO_red_flags(string text, string flag, string? other)
    {
        var assessment = RepositorySafety.Assess(text);

        Assert.Equal(SafetyLevel.Concern, assessment.Level);
        Assert.Contains(flag, assessment.RedFlags);
        if (other is not null)
        {
            Assert.Contains(other, assessment.RedFlags);
        }
    }

    [Theory]
    [InlineData("they make us sew from six to midnight every day and the owner holds back our wages")]
    [InlineData("the cleaners work from five in the morning to ten at night and the boss pays us a month late")]
    public void Long_hours_and_pay_held_back_without_anyone_held_or_threatened_are_not_urgent(string text)
    {
        Assert.NotEqual(SafetyLevel.Urgent, RepositorySafety.Assess(text).Level);
    }

    [Theory]
    [InlineData("ngoanana oa ka o lilemo li 15, monna o mo isa mosebetsing Joburg, ba tsamaea bosiung bona")]
    [InlineData("my sister is 14 and a man is taking her to durban for work, they leave tonight")]
    public void A_child_being_moved_is_urgent(string text)
    {
        var assessment = RepositorySafety.Assess(text);

        Assert.Equal(SafetyLevel.Urgent, assessment.Level);
        Assert.True(assessment.Minor);
    }

    [Fact]
    public void An_adult_leaving_for_a_job_is_not_a_concern()
    {
        Assert.Equal(SafetyLevel.None, Level("i am 24 and leaving for my new job in durban tomorrow"));
    }

    [Fact]
    public void An_age_from_the_entity_recognizer_counts_as_a_child()
    {
        var input = new SafetyInput("a man is taking her to jozi for work on friday")
        {
            Entities = TurnEntities.None with { Ages = [13] },
        };

        Assert.Equal(SafetyLevel.Urgent, SafetyTriage.Assess(RepositorySafety.Rules, input).Level);
    }

    [Fact]
    public void A_plea_after_an_earlier_danger_in_the_conversation_is_urgent()
    {
        var memory = new SafetyMemory();
        var first = RepositorySafety.Assess("they took our phones and the boss says he will call immigration if we complain");
        memory.Remember(first);
        Assert.NotEqual(SafetyLevel.Urgent, RepositorySafety.Assess("what must i do, please help").Level);

        var second = RepositorySafety.Assess("what must i do, please help", memory.Context());

        Assert.Equal(SafetyLevel.Urgent, second.Level);
        Assert.Contains("earlier-messages", second.Signals);
    }

    [Fact]
    public void A_child_mentioned_earlier_makes_a_later_danger_urgent()
    {
        var memory = new SafetyMemory();
        memory.Remember(RepositorySafety.Assess("i am 15 years old"));

        Assert.Equal(SafetyLevel.Urgent, RepositorySafety.Assess("my uncle is giving me to a man as his wife", memory.Context()).Level);
    }

    [Fact]
    public void Old_signals_leave_the_conversation_context()
    {
        var memory = new SafetyMemory();
        memory.Remember(RepositorySafety.Assess("they took my phone"));
        for (var i = 0; i < SafetyMemory.Window; i++)
        {
            memory.Remember(SafetyAssessment.Safe);
        }

        Assert.Empty(memory.Context().RecentSignals);
    }

    [Fact]
    public void A_confident_warning_sign_topic_is_a_concern_and_an_emergency_topic_makes_a_plea_urgent()
    {
        var passport = new TopicRanking(RankingVerdict.Confident, [new TopicScore("passport-confiscation", 0.6f, 0.6f)]);
        var emergency = new TopicRanking(RankingVerdict.Confident, [new TopicScore("emergency", 0.6f, 0.6f)]);

        var concern = SafetyTriage.Assess(RepositorySafety.Rules, new SafetyInput("the madam at work says it stays with her") { Ranking = passport });
        var urgent = SafetyTriage.Assess(RepositorySafety.Rules, new SafetyInput("sos") { Ranking = emergency });

        Assert.Equal(SafetyLevel.Concern, concern.Level);
        Assert.Contains("retention-of-identity-documents", concern.RedFlags);
        Assert.Equal(SafetyLevel.Urgent, urgent.Level);
    }

    [Theory]
    [InlineData("sexual-exploitation", "abuse-of-vulnerability")]
    [InlineData("child-trafficking", "abuse-of-vulnerability")]
    [InlineData("forced-marriage", "abuse-of-vulnerability")]
    public void A_confident_trafficking_topic_is_a_concern_with_its_warning_signs(string topic, string redFlag)
    {
        var ranking = new TopicRanking(RankingVerdict.Confident, [new TopicScore(topic, 0.6f, 0.6f)]);

        var assessment = SafetyTriage.Assess(RepositorySafety.Rules, new SafetyInput("about the job my cousin was offered") { Ranking = ranking });

        Assert.Equal(SafetyLevel.Concern, assessment.Level);
        Assert.Contains(redFlag, assessment.RedFlags);
    }

    [Theory]
    [InlineData("Mo patrão fechou-nos no armazém, não podemos sair agora")]
    [InlineData("Umqashi uyangishaya, ngisizeni")]
    [InlineData("Ndizimele egumbini, ndincedeni")]
    [InlineData("Mong wa tiro o re notleletse mo ntlong")]
    [InlineData("Il me frappe, au secours")]
    [InlineData("Boss o ntse a nkotla hona joale")]
    public void Each_language_of_the_region_is_recognised(string text)
    {
        Assert.Equal(SafetyLevel.Urgent, Level(text));
    }

    [Fact]
    public void A_language_without_patterns_still_gets_the_other_languages_patterns_and_ages()
    {
        // Shona (no pattern file) with English danger words, as people code-switch; and a bare age.
        Assert.Equal(SafetyLevel.Urgent, Level("ndapota ndibatsirei, they locked me in the room"));
        Assert.True(RepositorySafety.Assess("ek is 15 years old").Minor);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("hi")]
    [InlineData("how much is the bus to joburg")]
    [InlineData("did the bulls beat the stormers yesterday")]
    public void Ordinary_messages_are_safe(string text)
    {
        Assert.Equal(SafetyLevel.None, Level(text));
    }
}
