namespace HrcCommunity.Web.Features.Knowledge;

public sealed class KnowledgeText;
