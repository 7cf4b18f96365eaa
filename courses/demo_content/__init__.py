"""Demo courses for seed_demo: real procedures from the lesson facts sheet, in Vietnamese.

Keys are stable: seed_demo derives page and block ids from them (uuid5), so never rename a key.
One module per course; the order of ``COURSES`` is the catalogue order.
"""

from .dvc import COURSE as DVC
from .lua_dao import COURSE as LUA_DAO
from .mua_ban import COURSE as MUA_BAN
from .paygov import COURSE as PAYGOV
from .vietqr import COURSE as VIETQR
from .vneid import COURSE as VNEID

SKILLS = [
    {
        "code": "dvc",
        "name": "Sử dụng dịch vụ công trực tuyến",
        "is_household_target": True,
        "description": "Tìm thủ tục, nộp hồ sơ và theo dõi kết quả trên Cổng Dịch vụ công quốc gia.",
    },
    {
        "code": "mua-sam",
        "name": "Mua sắm trực tuyến",
        "is_household_target": True,
        "description": "Mua và bán hàng qua mạng một cách an toàn.",
    },
    {
        "code": "thanh-toan",
        "name": "Thanh toán trực tuyến",
        "is_household_target": True,
        "description": "Trả tiền, nộp phí bằng ứng dụng ngân hàng và mã QR.",
    },
    {
        "code": "an-toan",
        "name": "Bảo vệ bản thân trên môi trường số",
        "is_household_target": True,
        "description": "Nhận biết lừa đảo, giữ an toàn tài khoản và thông tin cá nhân.",
    },
    {
        "code": "nen-tang-dia-phuong",
        "name": "Sử dụng các nền tảng số của địa phương",
        "is_household_target": True,
        "description": "Dùng các ứng dụng, cổng thông tin mà tỉnh và xã đang triển khai.",
    },
    {
        "code": "dinh-danh",
        "name": "Định danh điện tử VNeID",
        "is_household_target": False,
        "description": "Cài đặt, kích hoạt và dùng tài khoản định danh điện tử.",
    },
]

COURSES = [VNEID, DVC, PAYGOV, VIETQR, LUA_DAO, MUA_BAN]
