from django import template
from django.utils.html import format_html
from wagtail.images.shortcuts import get_rendition_or_not_found

from courses.constants import OG_IMAGE_FILTER

register = template.Library()


@register.simple_tag(takes_context=True)
def og_image_tag(context, image):
    """Open Graph image tags (absolute URL) so a shared link shows a picture in Zalo or Facebook."""
    rendition = get_rendition_or_not_found(image, OG_IMAGE_FILTER)
    url = context["request"].build_absolute_uri(rendition.url)
    return format_html(
        '<meta property="og:image" content="{}"><meta property="og:image:width" content="{}">'
        '<meta property="og:image:height" content="{}">',
        url,
        rendition.width,
        rendition.height,
    )
